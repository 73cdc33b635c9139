import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { Environment } from '../config/environment.js';
import { TRIAGE_QUEUE, type TriageJobData, type TriageJobName } from '../queue/queues.js';
import { ANALYSE_STEP, DECIDE_STEP, type StepName } from './rules/rule.types.js';
import { TriageDecisionService } from './triage-decision.service.js';
import { TriageQueueService } from './triage-queue.service.js';
import { TriageStepsService } from './triage-steps.service.js';

/**
 * Queue plumbing only: the analyse job, then one job per rule step, then the deciding step once all are stored.
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
    const { complaintId } = job.data;
    this.logger.debug({ jobId: job.id, job: job.name, queue: TRIAGE_QUEUE }, 'triage job started');
    if (job.name === ANALYSE_STEP) {
      await this.steps.analyse(complaintId);
      await this.queue.requestSteps([complaintId]);
      return 'analysed; rule steps queued';
    }
    if (job.name === DECIDE_STEP) {
      const decision = await this.decision.decide(complaintId);
      return decision ? decision.category : 'already decided';
    }
    const complete = await this.steps.run(job.name as StepName, complaintId);
    if (complete) await this.queue.requestDecision(complaintId);
    return complete ? 'stored; all steps done' : 'stored';
  }
}
