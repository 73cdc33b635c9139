import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { TRIAGE_QUEUE, type TriageJobData } from '../queue/queues.js';

export interface DeadLetter {
  jobId: string;
  step: string;
  complaintId: string;
  attempts: number;
  failedReason: string;
  failedAt: string | null;
}

/** Jobs that failed every attempt (with exponential backoff between): shown to admins, retried on request. */
@Injectable()
export class DeadLettersService {
  constructor(@InjectQueue(TRIAGE_QUEUE) private readonly queue: Queue<TriageJobData>) {}

  async list(limit = 200): Promise<{ total: number; items: DeadLetter[] }> {
    const [total, jobs] = await Promise.all([this.queue.getFailedCount(), this.queue.getFailed(0, limit - 1)]);
    return {
      total,
      items: jobs.map((job) => ({
        jobId: String(job.id),
        step: job.name,
        complaintId: job.data.complaintId,
        attempts: job.attemptsMade,
        failedReason: job.failedReason,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      })),
    };
  }

  /** Puts every failed job (or the ones named) back on the queue; returns how many. */
  async retry(jobIds?: string[]): Promise<number> {
    const jobs = jobIds?.length
      ? (await Promise.all(jobIds.map((id) => this.queue.getJob(id)))).filter((job) => job !== undefined)
      : await this.queue.getFailed(0, -1);
    let retried = 0;
    for (const job of jobs) {
      if ((await job.getState()) !== 'failed') continue;
      await job.retry('failed');
      retried++;
    }
    return retried;
  }
}
