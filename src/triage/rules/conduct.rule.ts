import { cappedWeight, CompiledPolicy, toEvidence } from './act-policy.js';
import type { RuleStep } from './rule.types.js';

/** policy/conduct.yaml, compiled once; the remit step reads it too, to credit conduct to whoever showed it. */
export const conductPolicy = new CompiledPolicy('conduct');

export const CONDUCT_SCORE = 2;
/** When conduct towards the office holder's own staff makes up this share of the allegation, reg 15 may apply. */
const OWN_STAFF_SHARE = 0.6;

/**
 * A non-criminal allegation about the office holder's own behaviour: rudeness, not replying, undeclared interests,
 * misuse of official accounts, broken promises, discrimination, untrue statements about a person.
 *
 * Verdicts: conduct | none.
 */
export const conductRule: RuleStep<'conduct'> = {
  name: 'conduct',
  question: 'Does it allege misconduct by the office holder personally, short of an offence?',
  run(facts) {
    const hits = conductPolicy.find(facts.analysis, `${facts.summary}\n${facts.details}`);
    const counted = hits.filter((h) => h.counted);
    const positive = cappedWeight(counted.filter((h) => h.weight > 0));
    const score = cappedWeight(counted);
    const ownStaff = cappedWeight(counted.filter((h) => h.kind === 'own_staff'));
    const towardsOwnStaff = ownStaff >= CONDUCT_SCORE && ownStaff >= positive * OWN_STAFF_SHARE;
    return {
      verdict: score >= CONDUCT_SCORE ? 'conduct' : 'none',
      evidence: toEvidence(hits),
      findings: { score, towardsOwnStaff, signals: [...new Set(counted.filter((h) => h.weight > 0).map((h) => h.act))] },
    };
  },
};
