import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Environment } from '../config/environment.js';
import { acknowledgeJobId, complaintsJobData, LETTERS_QUEUE, type LetterJobData, type LetterJobName } from '../queue/queues.js';

const ADD_TIMEOUT_MS = 5000;

/**
 * Puts letter work on the queue. Acknowledgements go in batches of up to LETTERS_BATCH_SIZE complaints, one job each
 * (whatever is waiting goes at once); sends one job per letter. Job ids make a repeat (a relay or sweep running twice)
 * harmless.
 */
@Injectable()
export class LettersQueueService {
  constructor(
    @InjectQueue(LETTERS_QUEUE) private readonly queue: Queue<LetterJobData, string, LetterJobName>,
    private readonly env: Environment,
  ) {}

  async requestAcknowledgements(complaintIds: readonly string[]): Promise<void> {
    const size = this.env.LETTERS_BATCH_SIZE;
    const batches: string[][] = [];
    for (let i = 0; i < complaintIds.length; i += size) batches.push(complaintIds.slice(i, i + size));
    await this.addAcknowledgements(batches);
  }

  /**
   * One job for each complaint named: for a complaint set aside from a batch (tried alone, with the usual attempts and
   * backoff, and dead-lettered alone), and for the sweeper, whose ids then match a dead letter's, which stays one.
   */
  async requestAcknowledgementsAlone(complaintIds: readonly string[]): Promise<void> {
    await this.addAcknowledgements(complaintIds.map((id) => [id]));
  }

  async requestSends(letterIds: string[]): Promise<void> {
    await this.add(letterIds.map((letterId) => ({ name: 'send' as const, data: { letterId }, opts: { jobId: `send.${letterId}` } })));
  }

  private async addAcknowledgements(batches: string[][]): Promise<void> {
    await this.add(batches.map((ids) => ({ name: 'acknowledge' as const, data: complaintsJobData(ids), opts: { jobId: acknowledgeJobId(ids) } })));
  }

  private async add(jobs: Array<{ name: LetterJobName; data: LetterJobData; opts: { jobId: string } }>): Promise<void> {
    if (!jobs.length) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('queueing letters timed out: is Redis up?')), ADD_TIMEOUT_MS)));
    await Promise.race([this.queue.addBulk(jobs), timeout]).finally(() => clearTimeout(timer));
  }
}
