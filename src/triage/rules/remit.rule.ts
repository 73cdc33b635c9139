import { compileVocabulary, findMatches, toEvidence } from './phrase-matcher.js';
import { complaintText } from './rule-text.js';
import type { RuleStep } from './rule.types.js';
import { loadVocabulary } from './vocabulary.js';

const signals = compileVocabulary(loadVocabulary('remit'));
const ROUTES = ['force', 'chief_constable', 'opcc_staff', 'council', 'court', 'nhs', 'probation', 'fire', 'landlord', 'other_body'];

/** Who is the complaint about: the office holder, or a body the panel must redirect to? */
export const remitRule: RuleStep = {
  name: 'remit',
  question: "Is it about the office holder's own conduct, or about another body?",
  run(facts) {
    const matches = findMatches(complaintText(facts), signals).filter((m) => !m.negated);
    const weights: Record<string, number> = {};
    for (const m of matches) weights[m.signal] = (weights[m.signal] ?? 0) + m.weight;
    const officeHolder = weights.office_holder ?? 0;
    const [route, routeWeight] = ROUTES.map((r) => [r, weights[r] ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
    const verdict = routeWeight === 0 ? (officeHolder > 0 ? 'office_holder' : 'unclear') : routeWeight > officeHolder ? route : 'office_holder';
    return { verdict, evidence: toEvidence(matches), findings: { weights, route: verdict === 'office_holder' ? null : route } };
  },
};
