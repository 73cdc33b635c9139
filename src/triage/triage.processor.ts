import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Environment } from '../config/environment.js';
import { TRIAGE_QUEUE, type TriageJobData, type TriageJobName } from '../queue/queues.js';
import { DECIDE_STEP, type StepName } from './rules/rule.types.js';
import { TriageDecisionService } from './triage-decision.service.js';
import { TriageQueueService } from './triage-queue.service.js';
import { TriageStepsService } from './triage-steps.service.js';

/** Queue plumbing only: each job runs one rule step, or the deciding step once all rule steps are stored. */
@Processor(TRIAGE_QUEUE)
export class TriageProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(TriageProcessor.name);

  constructor(
    private readonly env: Environment,
    private readonly steps: TriageStepsService,
    private readonly decision: TriageDecisionService,
    private readonly queue: TriageQueueService,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.env.WORKER_CONCURRENCY;
  }

  async process(job: Job<TriageJobData, unknown, TriageJobName>): Promise<string> {
    const { complaintId } = job.data;
    if (job.name === DECIDE_STEP) {
      const decision = await this.decision.decide(complaintId);
      return decision ? decision.category : 'already decided';
    }
    const complete = await this.steps.run(job.name as StepName, complaintId);
    if (complete) await this.queue.requestDecision(complaintId);
    return complete ? 'stored; all steps done' : 'stored';
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<TriageJobData> | undefined, error: Error): void {
    this.logger.warn({ jobId: job?.id, job: job?.name, queue: TRIAGE_QUEUE, attempt: job?.attemptsMade, err: error.message }, 'triage job failed');
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job<TriageJobData>): void {
    this.logger.debug({ jobId: job.id, job: job.name, queue: TRIAGE_QUEUE }, 'triage job done');
  }
}
