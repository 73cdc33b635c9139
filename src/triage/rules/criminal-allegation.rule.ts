import { compileVocabulary, findMatches, toEvidence } from './phrase-matcher.js';
import { complaintText } from './rule-text.js';
import type { RuleStep } from './rule.types.js';
import { loadVocabulary } from './vocabulary.js';

const signals = compileVocabulary(loadVocabulary('criminal-allegation'));

/** Does it allege an offence, named or described? Doubt resolves to "possible", never to "none". */
export const criminalAllegationRule: RuleStep = {
  name: 'criminal_allegation',
  question: 'Does it allege, in words or by description, that the office holder committed an offence?',
  run(facts) {
    const matches = findMatches(complaintText(facts), signals);
    const counted = matches.filter((m) => !m.negated);
    const rhetoric = counted.filter((m) => m.signal === 'rhetoric');
    const allegations = counted.filter((m) => m.signal !== 'rhetoric');
    const score = allegations.reduce((s, m) => s + m.weight, 0) + rhetoric.reduce((s, m) => s + m.weight, 0);
    const verdict = score >= 3 ? 'alleged' : score > 0 ? 'possible' : allegations.length ? 'rhetoric' : 'none';
    return { verdict, evidence: toEvidence(matches), findings: { score } };
  },
};
