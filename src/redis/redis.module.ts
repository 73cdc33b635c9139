import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { redisOptions } from '../queue/redis-options.js';

export const REDIS = Symbol('REDIS');

/**
 * A Redis client for health checks and rate limits. It fails fast while Redis is away (no offline queue), so
 * callers can fall back instead of waiting, and reconnects on its own.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [Environment],
      useFactory: (env: Environment) => {
        const client = new Redis({
          ...redisOptions(env.REDIS_URL),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        });
        client.on('error', () => undefined); // reported by /health, not as noise in the log
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
