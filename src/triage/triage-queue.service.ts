import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { TRIAGE_QUEUE, triageJobId, type TriageJobData } from '../queue/queues.js';
import { ANALYSE_STEP, DECIDE_STEP, RULE_STEP_NAMES } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';

/** How long an add may wait for Redis before the caller gives up and keeps the work for later. */
const ADD_TIMEOUT_MS = 5000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ADD_TIMEOUT_MS} ms: is Redis up?`)), ADD_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Puts triage work on the queue: first the analyse job; when it has stored the analysis, one job per rule step; when
 * they are all stored, one deciding job. Job ids make repeats harmless.
 */
@Injectable()
export class TriageQueueService {
  constructor(@InjectQueue(TRIAGE_QUEUE) private readonly queue: Queue<TriageJobData>) {}

  async requestTriage(complaintIds: string[]): Promise<void> {
    if (!complaintIds.length) return;
    const jobs = complaintIds.map((complaintId) => ({ name: ANALYSE_STEP, data: { complaintId }, opts: { jobId: triageJobId(complaintId, ANALYSE_STEP, RULESET_VERSION) } }));
    await withTimeout(this.queue.addBulk(jobs), 'queueing triage');
  }

  async requestSteps(complaintIds: string[]): Promise<void> {
    if (!complaintIds.length) return;
    const jobs = complaintIds.flatMap((complaintId) =>
      RULE_STEP_NAMES.map((step) => ({ name: step, data: { complaintId }, opts: { jobId: triageJobId(complaintId, step, RULESET_VERSION) } })),
    );
    await withTimeout(this.queue.addBulk(jobs), 'queueing triage steps');
  }

  async requestDecision(complaintId: string): Promise<void> {
    await withTimeout(
      this.queue.add(DECIDE_STEP, { complaintId }, { jobId: triageJobId(complaintId, DECIDE_STEP, RULESET_VERSION) }),
      'queueing the deciding step',
    );
  }
}
