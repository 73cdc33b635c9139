import { compileVocabulary, findMatches, toEvidence } from './phrase-matcher.js';
import { complaintText } from './rule-text.js';
import type { RuleStep } from './rule.types.js';
import { loadVocabulary } from './vocabulary.js';

const signals = compileVocabulary(loadVocabulary('vexatious'));

/** Vexatious, oppressive or an abuse of the procedure (reg 15(3)(e)). */
export const vexatiousRule: RuleStep = {
  name: 'vexatious',
  question: 'Is it abusive, oppressive, absurd or built to burden the panel?',
  run(facts) {
    const matches = findMatches(complaintText(facts), signals).filter((m) => !m.negated);
    const score = matches.reduce((s, m) => s + m.weight, 0);
    return { verdict: score >= 3 ? 'vexatious' : 'none', evidence: toEvidence(matches), findings: { score } };
  },
};
