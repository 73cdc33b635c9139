import { CompiledPolicy } from './act-policy.js';
import type { EarlierComplaint, Evidence, RuleStep } from './rule.types.js';
import { sharedPassage } from './text-overlap.js';

const policy = new CompiledPolicy('repetition');

/** Above this trigram similarity (Postgres pg_trgm) two complaints by one person are substantially the same. */
export const SIMILARITY_THRESHOLD = 0.35;
/** When the writer says it is sent again, a lower similarity is enough. */
export const SAYS_AGAIN_THRESHOLD = 0.28;
/** When the writer says it is a different matter, more is needed. */
export const NEW_MATTER_THRESHOLD = 0.5;

/**
 * Has the same person made substantially the same complaint before? (reg 15: repetitious, or already the subject
 * of another complaint.) The evidence always names the first such complaint, so a third copy points to the first.
 *
 * Verdicts: repetitious (repeats an earlier complaint with nothing new, whether that one is decided or still open;
 * an open one is linked in findings.duplicateOf) | repeat_with_new_matter (similar, but the writer offers something
 * new: for review) | none.
 */
export const repetitionRule: RuleStep<'repetition'> = {
  name: 'repetition',
  question: 'Has the same person made substantially the same complaint before?',
  run(facts) {
    const earlier = facts.earlierComplaints;
    if (!earlier.length) return { verdict: 'none', evidence: [], findings: { earlierCount: 0 } };
    const hits = policy.find(facts.analysis, `${facts.summary}\n${facts.details}`).filter((h) => h.counted);
    const saysAgain = hits.some((h) => h.kind === 'again');
    const newMatter = hits.some((h) => h.kind === 'new_matter');
    const newEvidence = hits.some((h) => h.kind === 'new_evidence');
    const threshold = newMatter ? NEW_MATTER_THRESHOLD : saysAgain ? SAYS_AGAIN_THRESHOLD : SIMILARITY_THRESHOLD;
    const similar = earlier.filter((c) => c.similarity >= threshold).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const text = `${facts.summary}\n${facts.details}`;
    if (!similar.length) {
      const closest = [...earlier].sort((a, b) => b.similarity - a.similarity)[0];
      return {
        verdict: 'none',
        evidence: [{ quote: facts.summary, meaning: `the same person complained before (${closest.reference}, ${percent(closest)} similar): a different matter, not a repeat` }],
        findings: { earlierCount: earlier.length, closest: closest.reference, threshold },
      };
    }
    const first = similar[0];
    const open = similar.filter((c) => !c.decided);
    const somethingNew = (newEvidence || newMatter) && !saysAgain;
    const verdict = somethingNew ? 'repeat_with_new_matter' : 'repetitious';
    // a repeat of a case still open is linked to it (the earliest open one), whatever the verdict
    const duplicateOf = open[0]?.reference ?? null;
    const evidence: Evidence[] = similar.map((c, n) => ({
      quote: sharedPassage(text, `${c.summary}\n${c.details}`) ?? facts.summary,
      meaning: `${n === 0 ? 'substantially the same as the first such complaint' : 'also the same as'} ${c.reference} (received ${c.receivedAt.slice(0, 10)}, ${percent(c)} similar, ${c.decided ? 'already decided' : 'still open: linked to it'})`,
    }));
    if (verdict === 'repeat_with_new_matter') {
      evidence.push({ quote: hits.find((h) => h.kind !== 'again')!.quote, meaning: 'the writer offers something new: not treated as repetitious, for an officer to review' });
    }
    return {
      verdict,
      evidence,
      findings: {
        firstReference: first.reference,
        duplicateOf,
        references: similar.map((c) => c.reference),
        threshold,
        saysAgain,
        somethingNew,
      },
    };
  },
};

const percent = (c: EarlierComplaint) => `${Math.round(c.similarity * 100)}%`;
