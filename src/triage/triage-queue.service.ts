import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Environment } from '../config/environment.js';
import { TRIAGE_QUEUE, triageJobData, triageJobId, type TriageJobData, type TriageJobName } from '../queue/queues.js';
import { ANALYSE_STEP, DECIDE_STEP, RULE_STEP_NAMES } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';

/** How long an add may wait for Redis before the caller gives up and keeps the work for later. */
const ADD_TIMEOUT_MS = 5000;

/**
 * New complaints wait behind the steps of those already begun (BullMQ takes jobs without a priority before any
 * with one). Without it a burst of 3,000 was analysed whole before any rule step ran: nobody's category came until
 * the end, and every step found its complaint's analysis gone from the caches (read and parsed again, 7 times each).
 */
const ANALYSE_PRIORITY = 1;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ADD_TIMEOUT_MS} ms: is Redis up?`)), ADD_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Puts triage work on the queue, one job per step for a batch of complaints: first the analyse job; when it has
 * stored the analyses, one job per rule step for those complaints; when they are all stored, one deciding job.
 * Batches are cut at TRIAGE_BATCH_SIZE; whatever is waiting goes at once, so a batch is never held back to fill up.
 * Job ids make repeats harmless.
 */
@Injectable()
export class TriageQueueService {
  constructor(
    @InjectQueue(TRIAGE_QUEUE) private readonly queue: Queue<TriageJobData>,
    private readonly env: Environment,
  ) {}

  async requestTriage(complaintIds: readonly string[]): Promise<void> {
    await this.add([ANALYSE_STEP], this.batches(complaintIds), 'queueing triage');
  }

  async requestSteps(complaintIds: readonly string[]): Promise<void> {
    await this.add(RULE_STEP_NAMES, this.batches(complaintIds), 'queueing triage steps');
  }

  async requestDecision(complaintIds: readonly string[]): Promise<void> {
    await this.add([DECIDE_STEP], this.batches(complaintIds), 'queueing the deciding step');
  }

  /**
   * One job for each complaint named, whatever the batch size: for a complaint that failed in a batch (it is tried
   * alone, with the usual attempts and backoff, and dead-lettered alone), and for the sweeper, whose single-complaint
   * ids match a failed job so that a dead letter stays one until an admin retries it.
   */
  async requestAlone(step: TriageJobName, complaintIds: readonly string[]): Promise<void> {
    await this.add([step], complaintIds.map((id) => [id]), 'queueing a complaint alone');
  }

  private batches(complaintIds: readonly string[]): string[][] {
    const size = this.env.TRIAGE_BATCH_SIZE;
    const batches: string[][] = [];
    for (let i = 0; i < complaintIds.length; i += size) batches.push(complaintIds.slice(i, i + size));
    return batches;
  }

  private async add(steps: readonly TriageJobName[], batches: string[][], what: string): Promise<void> {
    if (!batches.length) return;
    const jobs = batches.flatMap((ids) =>
      steps.map((step) => ({ name: step, data: triageJobData(ids), opts: { jobId: triageJobId(ids, step, RULESET_VERSION), ...(step === ANALYSE_STEP ? { priority: ANALYSE_PRIORITY } : {}) } })),
    );
    await withTimeout(this.queue.addBulk(jobs), what);
  }
}
