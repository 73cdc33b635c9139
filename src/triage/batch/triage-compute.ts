import type { Category } from '../../complaints/complaint-categories.js';
import { analyseStep } from '../rules/analyse.step.js';
import { decide } from '../rules/decide.rule.js';
import { RULE_STEPS } from '../rules/index.js';
import type { ComplaintFacts, ReviewReason, StepName, StepResult, StepVerdicts } from '../rules/rule.types.js';
import { analysisSummary } from '../triage-scrub.js';

/**
 * The CPU of triage, for a batch: the analysis, one rule step, or the decision, for each complaint. Pure apart from
 * a cache of parsed analyses; run in a worker thread (TriageThreads) or, with TRIAGE_THREADS=0, on the caller's
 * thread. Everything crosses as JSON text: the analysis is stored as it is made and read back as text, so the event
 * loop that talks to Postgres and Redis never parses or serialises it, and a thread parses each complaint's analysis
 * at most once for all its steps.
 */

export type BaseFacts = Omit<ComplaintFacts, 'analysis'>;

export interface AnalyseItem {
  id: string;
  summary: string;
  details: string;
  subjectName: string | null;
}
export interface StepItem {
  id: string;
  facts: BaseFacts;
  /** The stored analysis, as JSON text. */
  analysis: string;
}
export interface DecideItem {
  id: string;
  facts: BaseFacts;
  analysis: string;
  /** The stored rule steps (not the analysis), as a JSON array of { step, verdict, evidence, findings }. */
  steps: string;
}

export type ComputeTask =
  | { kind: 'analyse'; items: AnalyseItem[] }
  | { kind: 'step'; step: StepName; items: StepItem[] }
  | { kind: 'decide'; items: DecideItem[] };

/** What the deciding step records, beside its evidence and findings. */
export interface DecisionSummary {
  category: Category;
  confidence: number;
  needsReview: boolean;
  possibleOffence: boolean;
  reviewReasons: ReviewReason[];
  reg15Grounds: string;
}

export type ComputeOutcome =
  | { id: string; ok: true; verdict: string; evidence: string; findings: string; analysis?: string; decision?: DecisionSummary }
  | { id: string; ok: false; error: string };

/** Parsed analyses by complaint, kept with the exact text they came from. */
const ANALYSES = new Map<string, { text: string; parsed: ComplaintFacts['analysis'] }>();
const ANALYSES_KEPT = 2000;

function parsedAnalysis(id: string, text: string): ComplaintFacts['analysis'] {
  const cached = ANALYSES.get(id);
  if (cached?.text === text) return cached.parsed;
  const parsed = JSON.parse(text) as ComplaintFacts['analysis'];
  keep(id, text, parsed);
  return parsed;
}

function keep(id: string, text: string, parsed: ComplaintFacts['analysis']): void {
  ANALYSES.delete(id);
  ANALYSES.set(id, { text, parsed });
  if (ANALYSES.size > ANALYSES_KEPT) ANALYSES.delete(ANALYSES.keys().next().value!);
}

/** One complaint's failure is its own: it is reported, and the others' results still come back. */
function each<T extends { id: string }>(items: T[], work: (item: T) => Omit<Extract<ComputeOutcome, { ok: true }>, 'id' | 'ok'>): ComputeOutcome[] {
  return items.map((item) => {
    try {
      return { id: item.id, ok: true, ...work(item) };
    } catch (error) {
      return { id: item.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
}

export function computeTriage(task: ComputeTask): ComputeOutcome[] {
  switch (task.kind) {
    case 'analyse':
      return each(task.items, (item) => {
        const result = analyseStep(item.summary, item.details, item.subjectName);
        const analysis = JSON.stringify(result.findings);
        keep(item.id, analysis, result.findings);
        return { verdict: result.verdict, evidence: JSON.stringify(result.evidence), findings: JSON.stringify(analysisSummary(result.findings)), analysis };
      });
    case 'step': {
      const rule = RULE_STEPS[task.step];
      if (!rule) return task.items.map((item) => ({ id: item.id, ok: false, error: `unknown triage step ${task.step}` }));
      return each(task.items, (item) => {
        const result = rule.run({ ...item.facts, analysis: parsedAnalysis(item.id, item.analysis) });
        return { verdict: result.verdict, evidence: JSON.stringify(result.evidence), findings: JSON.stringify(result.findings) };
      });
    }
    case 'decide':
      return each(task.items, (item) => {
        const analysis = parsedAnalysis(item.id, item.analysis);
        const steps = Object.fromEntries((JSON.parse(item.steps) as StepResult[]).map((r) => [r.step, r])) as unknown as StepVerdicts;
        steps.analyse = { verdict: analysis.language, evidence: [], findings: analysis };
        const decision = decide(steps, { ...item.facts, analysis });
        return {
          verdict: decision.category,
          evidence: JSON.stringify(decision.evidence),
          findings: JSON.stringify(decision.findings),
          decision: {
            category: decision.category,
            confidence: decision.confidence,
            needsReview: decision.needsReview,
            possibleOffence: decision.possibleOffence,
            reviewReasons: decision.reviewReasons,
            reg15Grounds: JSON.stringify(decision.reg15Grounds),
          },
        };
      });
  }
}
