import { cancelCovered, cappedWeight, CompiledPolicy, toEvidence } from './act-policy.js';
import type { RuleStep } from './rule.types.js';

/** policy/vexatious.yaml, compiled once; the criminal step reads its fantastical claims too. */
export const vexatiousPolicy = new CompiledPolicy('vexatious');

/** Misuse of the procedure at or above this is vexatious whatever else the complaint says. */
export const PROCESS_SCORE = 4;
/** Abuse at or above this is vexatious when the complaint alleges nothing (the decision checks that). */
export const ABUSE_SCORE = 4;
const ABUSE_TOP_UP = 2;
const REPEAT_ACTS = new Set(['says_repeat', 'nothing_new']);

/**
 * Vexatious, oppressive or an abuse of the procedure (reg 15(3)(e)), or a repeat by its own account (15(3)(f)).
 *
 * Verdicts: vexatious (misuse of the procedure) | abusive (abuse, vexatious only if nothing is alleged) | none.
 */
export const vexatiousRule: RuleStep<'vexatious'> = {
  name: 'vexatious',
  question: 'Is it abusive, oppressive, absurd, built to burden the panel, or a repeat by its own account?',
  run(facts) {
    const hits = vexatiousPolicy.find(facts.analysis, `${facts.summary}\n${facts.details}`);
    cancelCovered(hits, hits.filter((h) => h.kind === 'not_abuse'), 'crime words about a policy or spending, not a person');
    const counted = hits.filter((h) => h.counted);
    const newMatter = counted.some((h) => h.kind === 'new_matter');
    const process = counted.filter((h) => h.kind === 'process' && !(newMatter && REPEAT_ACTS.has(h.act)));
    const processScore = cappedWeight(process, 2);
    const abuseScore = cappedWeight(counted.filter((h) => h.kind === 'abuse'), 2);
    // abuse tops up a misuse of the procedure ("crooks, all of them; I needn't give examples"), never the reverse
    const verdict = processScore > 0 && processScore + Math.min(abuseScore, ABUSE_TOP_UP) >= PROCESS_SCORE ? 'vexatious' : abuseScore >= ABUSE_SCORE ? 'abusive' : 'none';
    return {
      verdict,
      evidence: toEvidence(hits),
      findings: { processScore, abuseScore, saysRepeat: process.some((h) => REPEAT_ACTS.has(h.act)), newMatter },
    };
  },
};
