import { conductRule } from './conduct.rule.js';
import { criminalAllegationRule } from './criminal-allegation.rule.js';
import { modelRule } from './model.rule.js';
import { politicalRule } from './political.rule.js';
import { remitRule } from './remit.rule.js';
import { repetitionRule } from './repetition.rule.js';
import type { RuleStep, StepName } from './rule.types.js';
import { vexatiousRule } from './vexatious.rule.js';

export const RULE_STEPS: { [S in StepName]: RuleStep<S> } = {
  remit: remitRule,
  criminal_allegation: criminalAllegationRule,
  vexatious: vexatiousRule,
  repetition: repetitionRule,
  political: politicalRule,
  conduct: conductRule,
  model: modelRule,
};
