import { compileVocabulary, findMatches, toEvidence } from './phrase-matcher.js';
import { complaintText } from './rule-text.js';
import type { RuleStep } from './rule.types.js';
import { loadVocabulary } from './vocabulary.js';

const signals = compileVocabulary(loadVocabulary('political'));

/** Disagreement with decisions, policy, budget, appointments or views: not a conduct matter (reg 10). */
export const politicalRule: RuleStep = {
  name: 'political',
  question: 'Is it disagreement with a decision, policy, budget, appointment or political view?',
  run(facts) {
    const matches = findMatches(complaintText(facts), signals).filter((m) => !m.negated);
    const score = matches.reduce((s, m) => s + m.weight, 0);
    return { verdict: score >= 3 ? 'political' : 'none', evidence: toEvidence(matches), findings: { score } };
  },
};
