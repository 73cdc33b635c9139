import type { RuleStep } from './rule.types.js';

/** Above this trigram similarity two complaints are taken to be substantially the same. */
export const SIMILARITY_THRESHOLD = 0.35;

/** Has the same person made substantially the same complaint before? (reg 15: repetitious) */
export const repetitionRule: RuleStep = {
  name: 'repetition',
  question: 'Has the same person made substantially the same complaint before?',
  run(facts) {
    const similar = facts.earlierComplaints
      .filter((c) => c.similarity >= SIMILARITY_THRESHOLD)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    if (!similar.length) return { verdict: 'none', evidence: [], findings: { earlierCount: facts.earlierComplaints.length } };
    const open = similar.find((c) => !c.decided);
    const first = similar[0];
    const evidence = similar.map((c) => ({
      quote: c.summary,
      meaning: `substantially the same as earlier complaint ${c.reference} (${Math.round(c.similarity * 100)}% similar, ${c.decided ? 'decided' : 'still open'})`,
    }));
    return open
      ? { verdict: 'duplicate_of_open', evidence, findings: { duplicateOf: open.reference, firstReference: first.reference } }
      : { verdict: 'repetitious', evidence, findings: { firstReference: first.reference, references: similar.map((c) => c.reference) } };
  },
};
