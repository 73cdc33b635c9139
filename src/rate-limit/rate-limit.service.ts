import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { REDIS } from '../redis/redis.module.js';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets. */
  retryAfter: number;
}

// Counts one hit in a fixed window and returns the count and the window's remaining life, atomically.
const HIT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Fixed-window counters in Redis, so a limit holds across every API process. While Redis is away each process
 * counts on its own instead: the limit loosens (one window per process) but nothing is refused for want of Redis.
 */
@Injectable()
export class RateLimitService {
  private readonly logger = new Logger(RateLimitService.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private redisDown = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly env: Environment,
  ) {}

  /** Counts a hit on `bucket` and says whether it is within `limit` hits per `windowMs`. A limit of 0 is off. */
  async hit(bucket: string, limit: number, windowMs = 60_000): Promise<RateDecision> {
    if (limit <= 0) return { allowed: true, retryAfter: 0 };
    const { count, resetInMs } = await this.count(bucket, windowMs);
    return { allowed: count <= limit, retryAfter: Math.max(1, Math.ceil(resetInMs / 1000)) };
  }

  /** How many hits `bucket` has in its current window, without counting one. */
  async peek(bucket: string): Promise<number> {
    try {
      return Number((await this.redis.get(this.key(bucket))) ?? 0);
    } catch {
      const entry = this.local.get(bucket);
      return entry && entry.resetAt > Date.now() ? entry.count : 0;
    }
  }

  async reset(bucket: string): Promise<void> {
    this.local.delete(bucket);
    await this.redis.del(this.key(bucket)).catch(() => undefined);
  }

  private async count(bucket: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    try {
      const [count, ttl] = (await this.redis.eval(HIT, 1, this.key(bucket), windowMs)) as [number, number];
      if (this.redisDown) this.logger.log('rate limits are shared through Redis again');
      this.redisDown = false;
      return { count, resetInMs: ttl > 0 ? ttl : windowMs };
    } catch {
      if (!this.redisDown) this.logger.warn('Redis is unavailable: rate limits are counted per process until it returns');
      this.redisDown = true;
      return this.countLocally(bucket, windowMs);
    }
  }

  private countLocally(bucket: string, windowMs: number): { count: number; resetInMs: number } {
    const now = Date.now();
    let entry = this.local.get(bucket);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      this.local.set(bucket, entry);
      if (this.local.size > 50_000) this.sweep(now);
    }
    entry.count++;
    return { count: entry.count, resetInMs: entry.resetAt - now };
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.local) if (entry.resetAt <= now) this.local.delete(key);
  }

  private key(bucket: string): string {
    return `${this.env.QUEUE_PREFIX}:rate:${bucket}`;
  }
}
