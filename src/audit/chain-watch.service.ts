import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { REDIS } from '../redis/redis.module.js';
import { ChainVerifyService, type ChainVerification } from './chain-verify.service.js';
import { CheckpointsService } from './checkpoints.service.js';
import { GENESIS_HASH } from './event-hash.js';

/** A worker checks soon after it starts, so restarts more often than the period cannot skip the check for good. */
const FIRST_CHECK_MS = 1000;

/**
 * The periodic check (AUDIT_VERIFY_INTERVAL_MINUTES, worker processes only). One worker a period does the work,
 * claimed in Redis. It compares the chain with every signed checkpoint stored in the database and delivered to the
 * checkpoint directory, so a restarted worker remembers everything a previous one saw; then it signs a checkpoint of
 * the head it found good, which the delivery sends out of the database.
 */
@Injectable()
export class ChainWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseLogChain');
  private timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    private readonly env: Environment,
    private readonly verifier: ChainVerifyService,
    private readonly checkpoints: CheckpointsService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    const periodMs = this.env.AUDIT_VERIFY_INTERVAL_MINUTES * 60_000;
    if (periodMs <= 0) return;
    this.timers.push(setTimeout(() => void this.checkOncePerPeriod(periodMs), Math.min(FIRST_CHECK_MS, periodMs)));
    this.timers.push(setInterval(() => void this.checkOncePerPeriod(periodMs), periodMs));
  }

  onApplicationShutdown(): void {
    this.timers.forEach((timer) => clearInterval(timer));
  }

  /** Verifies now, and signs a checkpoint of a good head. Null when a check is already running here or it could not run. */
  async check(): Promise<ChainVerification | null> {
    if (this.running) return null;
    this.running = true;
    const started = Date.now();
    try {
      const result = await this.verifier.verify();
      if (!result.ok) {
        this.logger.error(
          { alert: 'CASE_LOG_CHAIN_BROKEN', firstBrokenSequence: result.firstBrokenSequence, reason: result.reason, unchangedThrough: result.unchangedThrough, events: result.events, checkpoints: result.checkpoints },
          `CASE LOG TAMPERING SUSPECTED: the hash chain breaks at sequence ${result.firstBrokenSequence} (${result.reason}). Preserve the database and tell the monitoring officer.`,
        );
        return result;
      }
      const checkpoint = await this.checkpoints.issue('scheduled', result.head ?? { sequence: 0, hash: GENESIS_HASH });
      this.logger.log({ events: result.events, head: result.head, checkpoints: result.checkpoints, checkpointId: checkpoint.id, ms: Date.now() - started }, 'case log chain verified and checkpoint signed');
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
    const claimed = await this.redis.set(key, String(process.pid), 'PX', Math.max(periodMs - 5_000, Math.min(periodMs, 1_000)), 'NX').catch(() => 'OK');
    if (claimed === 'OK') await this.check();
  }
}
