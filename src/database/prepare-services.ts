import { Redis } from 'ioredis';
import type { Environment } from '../config/environment.js';
import { redisOptions } from '../queue/redis-options.js';
import { checkAutovacuum, prepareDatabase, ServiceUnavailableError } from './prepare-database.js';

/** Fails with one readable line when Redis cannot be reached. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const client = new Redis({ ...redisOptions(redisUrl), lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const url = new URL(redisUrl);
    throw new ServiceUnavailableError(
      `Cannot reach Redis at ${url.host} (${(error as Error).message}). Start Redis (docker compose up -d redis) or set REDIS_URL.`,
    );
  } finally {
    client.disconnect();
  }
}

/** Checks the services, creates the database if missing and runs pending migrations. */
export async function prepareServices(env: Environment): Promise<void> {
  await prepareDatabase(env.DATABASE_URL);
  await checkAutovacuum(env.DATABASE_URL);
  await checkRedis(env.REDIS_URL);
}
