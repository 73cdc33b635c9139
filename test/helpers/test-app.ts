import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadEnvironment, validateEnvironment, type Environment } from '../../src/config/environment.js';
import { redisOptions } from '../../src/queue/redis-options.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './test-database.js';

export const ADMIN = { email: 'admin@example.org', password: 'test-admin-password-1' };

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  env: Environment;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the real application (API, pages and workers) on a random port, against its own Postgres database and
 * its own key prefix in the real Redis. Nothing is mocked.
 */
export async function startTestApp(overrides: Record<string, string> = {}, roles = { api: true, worker: true }): Promise<TestApp> {
  const id = randomBytes(4).toString('hex');
  const database = testDatabaseName(id);
  const base = loadEnvironment();
  const env = validateEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: await createTestDatabase(database),
    REDIS_URL: base.REDIS_URL,
    QUEUE_PREFIX: `test_${id}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    INTAKE_RATE_LIMIT: '0',
    LOGIN_RATE_LIMIT: '0',
    AUDIT_VERIFY_INTERVAL_MINUTES: '0', // tests that want the periodic check ask for it
    PORT: '0',
    HOST: '127.0.0.1',
    ...overrides,
  });
  const app = await createHttpApp(env, roles);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    env,
    baseUrl: `http://127.0.0.1:${address.port}`,
    db: app.get(DataSource),
    async close() {
      await app.close();
      await dropTestDatabase(database);
      await deleteRedisKeys(env);
    },
  };
}

/** Removes every key a run left under its prefix. */
export async function deleteRedisKeys(env: Pick<Environment, 'REDIS_URL' | 'QUEUE_PREFIX'>): Promise<void> {
  const redis = new Redis(redisOptions(env.REDIS_URL));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
