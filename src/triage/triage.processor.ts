import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Environment } from '../config/environment.js';
import { TRIAGE_QUEUE, triageJobComplaints, type TriageJobData, type TriageJobName } from '../queue/queues.js';
import type { Failure } from '../common/store-each.js';
import { ANALYSE_STEP, DECIDE_STEP, type StepName } from './rules/rule.types.js';
import { TriageDecisionService } from './triage-decision.service.js';
import { TriageQueueService } from './triage-queue.service.js';
import { TriageStepsService } from './triage-steps.service.js';

/**
 * Queue plumbing only: the analyse job, then one job per rule step, then the deciding step once all are stored; each
 * job carries its step for a batch of complaints (see TriageQueueService).
 * The BullMQ worker is built here, not by a decorator, so its concurrency and lock come from the configuration.
 */
@Injectable()
export class TriageProcessor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TriageProcessor.name);
  private worker?: Worker<TriageJobData, string, TriageJobName>;

  constructor(
    private readonly env: Environment,
    private readonly steps: TriageStepsService,
    private readonly decision: TriageDecisionService,
    private readonly queue: TriageQueueService,
  ) {}

  onModuleInit(): void {
    this.worker = new Worker<TriageJobData, string, TriageJobName>(TRIAGE_QUEUE, (job) => this.process(job), {
      connection: { url: this.env.REDIS_URL, maxRetriesPerRequest: null },
      prefix: this.env.QUEUE_PREFIX,
      concurrency: this.env.WORKER_CONCURRENCY,
      lockDuration: this.env.WORKER_LOCK_MS,
      stalledInterval: this.env.WORKER_LOCK_MS,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, job: job?.name, queue: TRIAGE_QUEUE, attempt: job?.attemptsMade, err: error.message }, 'triage job failed'),
    );
    this.worker.on('error', (error) => this.logger.warn({ queue: TRIAGE_QUEUE, err: error.message }, 'triage worker error'));
    this.logger.log({ queue: TRIAGE_QUEUE, concurrency: this.env.WORKER_CONCURRENCY }, 'triage worker ready');
  }

  /** Lets the jobs in hand finish, then stops. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<TriageJobData, string, TriageJobName>): Promise<string> {
    const complaintIds = triageJobComplaints(job.data);
    this.logger.debug({ jobId: job.id, job: job.name, queue: TRIAGE_QUEUE, complaints: complaintIds.length }, 'triage job started');
    const result =
      job.name === ANALYSE_STEP ? await this.steps.analyse(complaintIds)
      : job.name === DECIDE_STEP ? await this.decision.decideBatch(complaintIds).then(({ failed }) => ({ ready: [], failed }))
      : await this.steps.run(job.name as StepName, complaintIds);
    if (job.name === ANALYSE_STEP) await this.queue.requestSteps(result.ready);
    else if (job.name !== DECIDE_STEP) await this.queue.requestDecision(result.ready);
    return this.setAside(job, complaintIds, result);
  }

  /**
   * A complaint that failed in a batch does not fail the others: theirs are stored, and it is queued alone, where it
   * has the usual attempts and backoff and, if it never succeeds, its own dead letter. A job that is already one
   * complaint fails as a whole, so BullMQ retries it.
   */
  private async setAside(job: Job<TriageJobData, string, TriageJobName>, complaintIds: string[], { ready, failed }: { ready: string[]; failed: Failure[] }): Promise<string> {
    if (!failed.length) return `${complaintIds.length} done, ${ready.length} ready for the next step`;
    if (complaintIds.length === 1) {
      const [failure] = failed;
      throw failure.unrecoverable ? new UnrecoverableError(failure.error) : new Error(failure.error);
    }
    this.logger.warn({ jobId: job.id, job: job.name, failed: failed.map((f) => ({ complaintId: f.id, err: f.error })) }, 'triage: complaints set aside from a batch, queued alone');
    await this.queue.requestAlone(job.name, failed.map((f) => f.id));
    return `${complaintIds.length - failed.length} done, ${failed.length} queued alone`;
  }
}
