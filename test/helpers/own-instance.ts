import { Queue } from 'bullmq';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { AppProcess } from './app-process.js';
import { OwnRedis } from './redis-server.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './test-database.js';

/**
 * The built app in processes of its own, against its own database and its own redis-server, with a pool and one
 * BullMQ queue for the test to look in: for tests that start and kill workers and watch the queue itself.
 */
export class OwnInstance {
  private readonly processes: AppProcess[] = [];

  private constructor(
    readonly env: Record<string, string>,
    readonly db: pg.Pool,
    readonly queue: Queue,
    private readonly redis: OwnRedis,
    private readonly database: string,
  ) {}

  /** `name` prefixes its database and queue keys; `overrides` add to (or replace) the usual test settings. */
  static async create(name: string, queueName: string, overrides: Record<string, string> = {}): Promise<OwnInstance> {
    const id = randomBytes(4).toString('hex');
    const database = testDatabaseName(`${name}_${id}`);
    const redis = await OwnRedis.start();
    const url = await createTestDatabase(database);
    const db = new pg.Pool({ connectionString: url, max: 2 });
    db.on('error', () => undefined); // an idle connection ended by the server is replaced on the next query
    const env = {
      NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: redis.url, QUEUE_PREFIX: `${name}_${id}`, LOG_LEVEL: 'info',
      ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'test-admin-password-1', INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0',
      ...overrides,
    };
    const queue = new Queue(queueName, { connection: { url: redis.url }, prefix: env.QUEUE_PREFIX });
    return new OwnInstance(env, db, queue, redis, database);
  }

  async start(entry: 'main' | 'worker'): Promise<AppProcess> {
    const app = await AppProcess.start(entry, this.env);
    this.processes.push(app);
    return app;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.db.query(sql, params)).rows[0].n);
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.splice(0).map((p) => p.stop('SIGKILL')));
    await this.queue.close();
    await this.db.end();
    await dropTestDatabase(this.database);
    await this.redis.kill();
  }
}

/** Checks every 100 ms until `check` holds, or fails naming what it waited for. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
