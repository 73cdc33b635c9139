import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { REDIS } from '../redis/redis.module.js';
import type { ChainHead, VerifyResult } from './chain-verifier.js';
import { ChainVerifyService } from './chain-verify.service.js';

/**
 * The periodic check (AUDIT_VERIFY_INTERVAL_MINUTES, worker processes only). One worker a period does the work,
 * claimed in Redis; each remembers the head it last found good, so events cut from the end are caught too.
 */
@Injectable()
export class ChainWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseLogChain');
  private timer?: NodeJS.Timeout;
  private running = false;
  private anchor?: ChainHead;

  constructor(
    private readonly env: Environment,
    private readonly verifier: ChainVerifyService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.env.AUDIT_VERIFY_INTERVAL_MINUTES;
    if (minutes > 0) this.timer = setInterval(() => void this.checkOncePerPeriod(minutes * 60_000), minutes * 60_000);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Verifies now. Returns null when a check is already running in this process or it could not run. */
  async check(): Promise<VerifyResult | null> {
    if (this.running) return null;
    this.running = true;
    const started = Date.now();
    try {
      const result = await this.verifier.verify({ anchor: this.anchor });
      if (result.ok) {
        this.anchor = result.head ?? undefined;
        this.logger.log({ events: result.events, head: result.head, ms: Date.now() - started }, 'case log chain verified');
      } else {
        this.logger.error(
          { alert: 'CASE_LOG_CHAIN_BROKEN', firstBrokenSequence: result.firstBrokenSequence, reason: result.reason, events: result.events, anchor: this.anchor },
          `CASE LOG TAMPERING SUSPECTED: the hash chain breaks at sequence ${result.firstBrokenSequence} (${result.reason}). Preserve the database and tell the monitoring officer.`,
        );
      }
      return result;
    } catch (error) {
      this.logger.error({ err: error }, 'the case log chain could not be verified');
      return null;
    } finally {
      this.running = false;
    }
  }

  private async checkOncePerPeriod(periodMs: number): Promise<void> {
    const key = `${this.env.QUEUE_PREFIX}:audit:chain-check`;
    // Without Redis every worker checks: wasteful, never unsafe.
    const claimed = await this.redis.set(key, String(process.pid), 'PX', Math.max(periodMs - 5_000, 1_000), 'NX').catch(() => 'OK');
    if (claimed === 'OK') await this.check();
  }
}
