import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { LetterDeliveryService } from './letter-delivery.service.js';
import { LettersQueueService } from './letters-queue.service.js';

/**
 * Queues again letter work Redis forgot (a restart without persistence): job ids make it harmless otherwise. Each
 * acknowledgement alone, so one that failed for good (a dead letter) keeps its id and is not run again by the sweep.
 */
@Injectable()
export class LettersSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LettersSweeperService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly env: Environment,
    private readonly delivery: LetterDeliveryService,
    private readonly queue: LettersQueueService,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.max(1000, (this.env.TRIAGE_SWEEP_SECONDS * 1000) / 2);
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const { complaintIds, letterIds } = await this.delivery.unfinished(this.env.TRIAGE_SWEEP_SECONDS);
    await this.queue.requestAcknowledgementsAlone(complaintIds);
    await this.queue.requestSends(letterIds);
    if (complaintIds.length || letterIds.length) this.logger.log({ acknowledgements: complaintIds.length, letters: letterIds.length }, 're-queued letter work');
  }
}
