import type { JobsOptions } from 'bullmq';
import type { ANALYSE_STEP, DECIDE_STEP, StepName } from '../triage/rules/rule.types.js';

export const TRIAGE_QUEUE = 'triage';

/** Letters made and emailed by workers: the acknowledgement on receipt, and every letter an officer approves for email. */
export const LETTERS_QUEUE = 'letters';
export interface LetterJobs {
  acknowledge: { complaintId: string };
  send: { letterId: string };
}
export type LetterJobName = keyof LetterJobs;
export type LetterJobData = LetterJobs[LetterJobName];


/** Job name -> payload. Payloads carry ids, never entities. */
export interface TriageJobs {
  step: { complaintId: string };
  decide: { complaintId: string };
}
export type TriageJobName = typeof ANALYSE_STEP | StepName | typeof DECIDE_STEP;
export type TriageJobData = TriageJobs['step'];

/** The one place that sets retries, backoff and how long finished jobs stay in Redis. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** Deterministic, so a second enqueue of the same work is ignored while the first is still known to Redis. */
export const triageJobId = (complaintId: string, step: TriageJobName, rulesetVersion: string) =>
  `${complaintId}.${step}.${rulesetVersion}`;
