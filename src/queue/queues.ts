import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { ANALYSE_STEP, DECIDE_STEP, StepName } from '../triage/rules/rule.types.js';

export const TRIAGE_QUEUE = 'triage';

/** Letters made and emailed by workers: the acknowledgement on receipt, and every letter an officer approves for email. */
export const LETTERS_QUEUE = 'letters';
export interface LetterJobs {
  /** A batch of complaints' acknowledgements, like a triage job's payload (see `ComplaintsJobData`). */
  acknowledge: ComplaintsJobData;
  send: { letterId: string };
}
export type LetterJobName = keyof LetterJobs;
export type LetterJobData = LetterJobs[LetterJobName];


/**
 * The payload of a job for a batch of complaints (`complaintIds`): a batch of one, and a complaint re-queued alone
 * after it failed in a batch, carries `complaintId` instead, so the dead letters show (and retry) that one complaint.
 * Payloads carry ids, never entities.
 */
export type ComplaintsJobData = { complaintId: string } | { complaintIds: string[] };

/** The complaints a job is for. */
export const jobComplaints = (data: ComplaintsJobData): string[] => ('complaintIds' in data ? data.complaintIds : [data.complaintId]);

/** The payload for a batch: one complaint is always written as `complaintId`. */
export const complaintsJobData = (complaintIds: readonly string[]): ComplaintsJobData =>
  complaintIds.length === 1 ? { complaintId: complaintIds[0] } : { complaintIds: [...complaintIds] };

/** A batch's name in its job id: a hash of its sorted ids, so the same batch queued twice is one job. */
export const batchName = (complaintIds: readonly string[]): string =>
  `batch-${createHash('sha256').update([...complaintIds].sort().join(',')).digest('base64url').slice(0, 22)}`;

/** Job name -> payload. A triage job carries one step for a batch of complaints. */
export type TriageJobData = ComplaintsJobData;
export type TriageJobName = typeof ANALYSE_STEP | StepName | typeof DECIDE_STEP;

/** The complaints a triage job is for. */
export const triageJobComplaints = jobComplaints;

/** The payload for a triage batch. */
export const triageJobData = complaintsJobData;

/** The one place that sets retries, backoff and how long finished jobs stay in Redis. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * Deterministic, so a second enqueue of the same work is ignored while the first is still known to Redis: one
 * complaint keeps the id it always had (`complaint.step.ruleset`); a batch is named by a hash of its sorted ids, so a
 * relay that runs twice over the same outbox rows queues each batch once.
 */
export const triageJobId = (complaintIds: readonly string[], step: TriageJobName, rulesetVersion: string): string => {
  if (complaintIds.length === 1) return `${complaintIds[0]}.${step}.${rulesetVersion}`;
  return `${batchName(complaintIds)}.${step}.${rulesetVersion}`;
};

/**
 * An acknowledgement job's id: one complaint keeps the id it always had (`acknowledge.complaint`), which the sweeper
 * and a complaint set aside from a batch share, so a dead letter stays one until an admin retries it.
 */
export const acknowledgeJobId = (complaintIds: readonly string[]): string =>
  `acknowledge.${complaintIds.length === 1 ? complaintIds[0] : batchName(complaintIds)}`;
