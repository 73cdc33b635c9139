import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { Environment } from '../config/environment.js';
import { DEFAULT_JOB_OPTIONS, jobComplaints, LETTERS_QUEUE, type LetterJobData, type LetterJobName, type LetterJobs } from '../queue/queues.js';
import { LetterDeliveryService } from './letter-delivery.service.js';
import { LettersQueueService } from './letters-queue.service.js';

/** The letters queue: make each new complaint's acknowledgement, then email it; email every letter officers approve. */
@Injectable()
export class LettersProcessor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LettersProcessor.name);
  private worker?: Worker<LetterJobData, string, LetterJobName>;

  constructor(
    private readonly env: Environment,
    private readonly delivery: LetterDeliveryService,
    private readonly queue: LettersQueueService,
  ) {}

  onModuleInit(): void {
    this.worker = new Worker<LetterJobData, string, LetterJobName>(LETTERS_QUEUE, (job) => this.process(job), {
      connection: { url: this.env.REDIS_URL, maxRetriesPerRequest: null },
      prefix: this.env.QUEUE_PREFIX,
      concurrency: 4, // a mail server is happier with a few connections than with WORKER_CONCURRENCY
      lockDuration: this.env.WORKER_LOCK_MS,
      stalledInterval: this.env.WORKER_LOCK_MS,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, job: job?.name, queue: LETTERS_QUEUE, attempt: job?.attemptsMade, err: error.message }, 'letter job failed'),
    );
    this.worker.on('error', (error) => this.logger.warn({ queue: LETTERS_QUEUE, err: error.message }, 'letters worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<LetterJobData, string, LetterJobName>): Promise<string> {
    this.logger.debug({ jobId: job.id, job: job.name, queue: LETTERS_QUEUE }, 'letter job started');
    if (job.name === 'acknowledge') return this.acknowledge(job);
    const attempts = job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1;
    return this.delivery.send((job.data as LetterJobs['send']).letterId, job.attemptsMade + 1 >= attempts);
  }

  /**
   * A batch's letters in one transaction. A complaint that failed in the batch does not fail the others: theirs are
   * made, and it is queued alone, where it has the usual attempts and backoff and, if it never succeeds, its own dead
   * letter. A job that is already one complaint fails as a whole, so BullMQ retries it.
   */
  private async acknowledge(job: Job<LetterJobData, string, LetterJobName>): Promise<string> {
    const complaintIds = jobComplaints(job.data as LetterJobs['acknowledge']);
    const { emailed, failed } = await this.delivery.makeAcknowledgements(complaintIds);
    await this.queue.requestSends(emailed);
    const made = `${complaintIds.length - failed.length} done, ${emailed.length} emails queued (the rest made before, waiting to be posted, or with no case to write to)`;
    if (!failed.length) return made;
    if (complaintIds.length === 1) throw new Error(failed[0].error);
    this.logger.warn({ jobId: job.id, job: job.name, failed: failed.map((f) => ({ complaintId: f.id, err: f.error })) }, 'letters: complaints set aside from a batch, queued alone');
    await this.queue.requestAcknowledgementsAlone(failed.map((f) => f.id));
    return `${made}, ${failed.length} queued alone`;
  }
}
