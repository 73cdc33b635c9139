import { compileVocabulary, findMatches, toEvidence } from './phrase-matcher.js';
import { complaintText } from './rule-text.js';
import type { RuleStep } from './rule.types.js';
import { loadVocabulary } from './vocabulary.js';

const signals = compileVocabulary(loadVocabulary('conduct'));

/** A non-criminal allegation about the office holder's own behaviour. */
export const conductRule: RuleStep = {
  name: 'conduct',
  question: "Does it allege misconduct by the office holder personally, short of an offence?",
  run(facts) {
    const matches = findMatches(complaintText(facts), signals).filter((m) => !m.negated);
    const score = matches.reduce((s, m) => s + m.weight, 0);
    return { verdict: score >= 2 ? 'conduct' : 'none', evidence: toEvidence(matches), findings: { score } };
  },
};
