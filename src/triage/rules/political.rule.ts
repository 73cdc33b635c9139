import { cappedWeight, CompiledPolicy, toEvidence } from './act-policy.js';
import type { RuleStep } from './rule.types.js';

/** policy/political.yaml, compiled once; the model reads its findings too. */
export const politicalPolicy = new CompiledPolicy('political');

export const POLITICAL_SCORE = 3;
/** The writer's objection supports a topic but cannot make a complaint political alone. */
const DISAGREEMENT_CAP = 2;

/**
 * Disagreement with decisions, policy, budget and precept, priorities, appointments, party or views: not a conduct
 * matter (reg 10). Needs at least one topic (policy/political.yaml).
 *
 * Verdicts: political | none.
 */
export const politicalRule: RuleStep<'political'> = {
  name: 'political',
  question: 'Is it disagreement with a decision, policy, budget, appointment or political view?',
  run(facts) {
    const hits = politicalPolicy.find(facts.analysis, `${facts.summary}\n${facts.details}`);
    const topics = hits.filter((h) => h.kind === 'topic' && h.counted);
    const disagreement = Math.min(cappedWeight(hits.filter((h) => h.kind === 'disagreement'), 2), DISAGREEMENT_CAP);
    const score = cappedWeight(topics) + disagreement;
    return {
      verdict: topics.length && score >= POLITICAL_SCORE ? 'political' : 'none',
      evidence: toEvidence(hits),
      findings: { score, topics: [...new Set(topics.map((h) => h.act))] },
    };
  },
};
