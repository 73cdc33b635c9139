import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { REDIS } from '../redis/redis.module.js';
import { RetentionService } from './retention.service.js';

/** A worker runs the job soon after it starts, so restarts more often than the period cannot put it off for good. */
const FIRST_RUN_MS = 5_000;

/**
 * The retention job (RETENTION_INTERVAL_HOURS, daily by default; worker processes only). One worker a period runs it,
 * claimed in Redis, as the chain check is; without Redis each worker runs it, which erases nothing twice (an erased
 * case is never due again).
 */
@Injectable()
export class RetentionJobService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timers: NodeJS.Timeout[] = [];
  private running?: Promise<unknown>;

  constructor(
    private readonly env: Environment,
    private readonly retention: RetentionService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    const periodMs = this.env.RETENTION_INTERVAL_HOURS * 3_600_000;
    if (periodMs <= 0) return;
    this.timers.push(setTimeout(() => void this.runOncePerPeriod(periodMs), Math.min(FIRST_RUN_MS, periodMs)));
    this.timers.push(setInterval(() => void this.runOncePerPeriod(periodMs), periodMs));
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    await this.running;
  }

  private async runOncePerPeriod(periodMs: number): Promise<void> {
    if (this.running) return;
    const key = `${this.env.QUEUE_PREFIX}:retention:run`;
    const claimed = await this.redis.set(key, String(process.pid), 'PX', Math.max(periodMs - 5_000, Math.min(periodMs, 1_000)), 'NX').catch(() => 'OK');
    if (claimed !== 'OK') return;
    this.running = this.retention
      .run()
      .catch((error: unknown) => this.logger.error({ err: error }, 'the retention job failed; the next period tries again'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
