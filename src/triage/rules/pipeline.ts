import type { ComplaintAnalysis } from '../language/analysis.types.js';
import { analyseStep } from './analyse.step.js';
import { decide } from './decide.rule.js';
import { RULE_STEPS } from './index.js';
import { RULE_STEP_NAMES, type ComplaintFacts, type Decision, type StepVerdicts } from './rule.types.js';

/**
 * Every step in one process, storing nothing: the same pure functions the queued jobs run, for replay's dry run,
 * `npm run triage:evaluate` and tests.
 */
export function triageInProcess(input: Omit<ComplaintFacts, 'analysis'> & { analysis?: ComplaintAnalysis }): { steps: StepVerdicts; decision: Decision } {
  const analysed = input.analysis ? null : analyseStep(input.summary, input.details, input.subjectName);
  const facts: ComplaintFacts = { ...input, analysis: input.analysis ?? analysed!.findings };
  const steps = { analyse: analysed ?? { verdict: facts.analysis.language, evidence: [], findings: facts.analysis } } as StepVerdicts;
  for (const name of RULE_STEP_NAMES) (steps as Record<string, unknown>)[name] = RULE_STEPS[name].run(facts);
  return { steps, decision: decide(steps, facts) };
}
