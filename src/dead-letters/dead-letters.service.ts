import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { LETTERS_QUEUE, TRIAGE_QUEUE, type LetterJobData, type TriageJobData } from '../queue/queues.js';

export interface DeadLetter {
  jobId: string;
  queue: string;
  step: string;
  /** The complaint (triage, acknowledgement) or the letter (sending) the job was for. */
  complaintId: string | null;
  letterId: string | null;
  attempts: number;
  failedReason: string;
  failedAt: string | null;
}

/** Jobs that failed every attempt (with exponential backoff between), on every queue: shown to admins, retried on request. */
@Injectable()
export class DeadLettersService {
  private readonly queues: Array<Queue<TriageJobData | LetterJobData>>;

  constructor(@InjectQueue(TRIAGE_QUEUE) triage: Queue<TriageJobData>, @InjectQueue(LETTERS_QUEUE) letters: Queue<LetterJobData>) {
    this.queues = [triage as Queue<TriageJobData | LetterJobData>, letters as Queue<TriageJobData | LetterJobData>];
  }

  async list(limit = 200): Promise<{ total: number; items: DeadLetter[] }> {
    const found = await Promise.all(this.queues.map(async (queue) => ({ queue, total: await queue.getFailedCount(), jobs: await queue.getFailed(0, limit - 1) })));
    const items = found.flatMap(({ queue, jobs }) => jobs.map((job) => toDeadLetter(queue.name, job)));
    items.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
    return { total: found.reduce((n, f) => n + f.total, 0), items: items.slice(0, limit) };
  }

  /** Puts every failed job (or the ones named) back on its queue; returns how many. */
  async retry(jobIds?: string[]): Promise<number> {
    let retried = 0;
    for (const queue of this.queues) {
      const jobs = jobIds?.length
        ? (await Promise.all(jobIds.map((id) => queue.getJob(id)))).filter((job) => job !== undefined)
        : await queue.getFailed(0, -1);
      for (const job of jobs) {
        if ((await job.getState()) !== 'failed') continue;
        await job.retry('failed');
        retried++;
      }
    }
    return retried;
  }
}

function toDeadLetter(queue: string, job: Job<TriageJobData | LetterJobData>): DeadLetter {
  const data = job.data as { complaintId?: string; letterId?: string };
  return {
    jobId: String(job.id),
    queue,
    step: job.name,
    complaintId: data.complaintId ?? null,
    letterId: data.letterId ?? null,
    attempts: job.attemptsMade,
    failedReason: job.failedReason,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
