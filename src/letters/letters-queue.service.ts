import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { LETTERS_QUEUE, type LetterJobData, type LetterJobName } from '../queue/queues.js';

const ADD_TIMEOUT_MS = 5000;

/** Puts letter work on the queue. Job ids make a repeat (a relay or sweep running twice) harmless. */
@Injectable()
export class LettersQueueService {
  constructor(@InjectQueue(LETTERS_QUEUE) private readonly queue: Queue<LetterJobData, string, LetterJobName>) {}

  async requestAcknowledgements(complaintIds: string[]): Promise<void> {
    await this.add(complaintIds.map((complaintId) => ({ name: 'acknowledge' as const, data: { complaintId }, opts: { jobId: `acknowledge.${complaintId}` } })));
  }

  async requestSends(letterIds: string[]): Promise<void> {
    await this.add(letterIds.map((letterId) => ({ name: 'send' as const, data: { letterId }, opts: { jobId: `send.${letterId}` } })));
  }

  private async add(jobs: Array<{ name: LetterJobName; data: LetterJobData; opts: { jobId: string } }>): Promise<void> {
    if (!jobs.length) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('queueing letters timed out: is Redis up?')), ADD_TIMEOUT_MS)));
    await Promise.race([this.queue.addBulk(jobs), timeout]).finally(() => clearTimeout(timer));
  }
}
