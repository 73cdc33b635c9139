import { jest } from '@jest/globals';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { AppProcess } from './helpers/app-process.js';
import { complaintBody } from './helpers/http.js';
import { OwnRedis } from './helpers/redis-server.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './helpers/test-database.js';

/** Each test starts its own processes against its own database and its own redis-server, so nothing else is disturbed. */
// Generous time limits: these tests start processes and wait on recovery, and must not fail because CI is busy.
jest.setTimeout(180_000);

describe('faults: nothing accepted is lost, nothing is recorded twice', () => {
  let redis: OwnRedis;
  let database: string;
  let db: pg.Pool;
  let env: Record<string, string>;
  const processes: AppProcess[] = [];

  beforeEach(async () => {
    const id = randomBytes(4).toString('hex');
    database = testDatabaseName(`fault_${id}`);
    redis = await OwnRedis.start();
    const url = await createTestDatabase(database);
    db = new pg.Pool({ connectionString: url, max: 2 });
    db.on('error', () => undefined); // an idle connection ended by the server is replaced on the next query
    env = {
      NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: redis.url, QUEUE_PREFIX: `fault_${id}`, LOG_LEVEL: 'info',
      ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'test-admin-password-1', INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0',
      WORKER_LOCK_MS: '2000', TRIAGE_SWEEP_SECONDS: '5',
      // One API process, as these faults are about workers, Redis and Postgres; the SIGTERM test runs npm start's
      // default cluster of two (test/cluster.e2e-spec.ts covers the cluster's own behaviour).
      API_PROCESSES: '1',
    };
  });

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.stop('SIGKILL')));
    await db.end();
    await dropTestDatabase(database);
    await redis.kill();
  });

  const start = async (entry: 'main' | 'worker', args: string[] = []) => {
    const app = await AppProcess.start(entry, env, args);
    processes.push(app);
    return app;
  };
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const submit = (baseUrl: string) =>
    fetch(`${baseUrl}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaintBody()) })
      .then(async (r) => ({ status: r.status, reference: r.status === 201 ? ((await r.json()) as { reference: string }).reference : null }))
      .catch(() => ({ status: 0, reference: null }));
  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  /** Every complaint triaged once, every step stored once, one triage event each: exactly once in effect. */
  async function expectEachTriagedOnce(complaints: number): Promise<void> {
    await waitFor(`${complaints} triages`, async () => (await count(`SELECT count(*) AS n FROM triage_runs`)) === complaints);
    expect(await count(`SELECT count(*) AS n FROM complaints WHERE status = 'triaged'`)).toBe(complaints);
    expect(await count(`SELECT count(*) AS n FROM triage_step_results`)).toBe(complaints * 9);
    await waitFor('the case log to be chained', async () => (await count(`SELECT count(*) AS n FROM case_event_queue`)) === 0);
    expect(await count(`SELECT count(*) AS n FROM case_events WHERE type = 'triage.completed'`)).toBe(complaints);
  }

  it('a worker SIGKILLed mid-flight: its stalled jobs run again elsewhere, no step is recorded twice', async () => {
    const api = await start('main');
    const first = await start('worker');
    const results = await Promise.all(Array.from({ length: 300 }, () => submit(api.baseUrl)));
    expect(results.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);
    await waitFor('some triage to happen', async () => (await count(`SELECT count(*) AS n FROM triage_step_results`)) > 0);
    await first.stop('SIGKILL');
    const done = await count(`SELECT count(*) AS n FROM triage_runs`);
    await start('worker');
    await expectEachTriagedOnce(300);
    console.log(`worker killed with ${done} of 300 complaints triaged; the second worker finished the rest`);
  });

  it('Postgres connections dropped: requests in flight fail cleanly with 503, nothing is half-written, the app reconnects', async () => {
    const app = await start('main', ['--with-worker']);
    const admin = new pg.Client({ connectionString: env.DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const load = Promise.all(Array.from({ length: 200 }, (_, i) => new Promise((r) => setTimeout(r, i)).then(() => submit(app.baseUrl))));
    for (const wait of [30, 60, 90]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
    }
    await admin.end();
    const results = await load;
    const unexpected = results.filter((r) => r.status !== 201 && r.status !== 503).map((r) => r.status);
    if (unexpected.length) console.log(app.output.split('\n').filter((l) => !l.includes('"level":50') && !l.includes('"level":30')).slice(-40).join('\n'));
    expect(unexpected).toEqual([]);
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThan(0);
    await waitFor('the app to answer again', async () => (await submit(app.baseUrl)).status === 201, 30_000);

    const complaints = await count(`SELECT count(*) AS n FROM complaints`);
    expect(complaints).toBeGreaterThanOrEqual(results.filter((r) => r.status === 201).length + 1);
    await waitFor('the case log to be chained', async () => (await count(`SELECT count(*) AS n FROM case_event_queue`)) === 0);
    expect(await count(`SELECT count(*) AS n FROM case_events WHERE type = 'complaint.received'`)).toBe(complaints);
    expect(await count(`SELECT count(*) AS n FROM outbox`)).toBe(2 * complaints); // triage and the acknowledgement letter
    expect(await count(`SELECT count(*) AS n FROM deadlines WHERE kind = 'acknowledgement'`)).toBe(complaints);
    await expectEachTriagedOnce(complaints);
    console.log(`with connections dropped: ${results.filter((r) => r.status === 201).length} accepted, ${results.filter((r) => r.status === 503).length} answered 503`);
  });

  it('SIGTERM under load: requests in flight finish, no accepted complaint is lost, the process exits 0', async () => {
    env.API_PROCESSES = '2';
    const app = await start('main', ['--with-worker']);
    const load = Promise.all(Array.from({ length: 150 }, () => submit(app.baseUrl)));
    await new Promise((resolve) => setTimeout(resolve, 25));
    const exitCode = await app.stop('SIGTERM');
    const results = await load;
    if (exitCode !== 0) console.log(app.output.slice(-3000));
    expect(exitCode).toBe(0);
    const accepted = results.filter((r) => r.status === 201).map((r) => r.reference);
    // Accepted (201), or refused cleanly: 503 from a server that is closing, or a connection no longer taken (0).
    expect(results.filter((r) => ![201, 503, 0].includes(r.status))).toEqual([]);
    const stored = (await db.query(`SELECT reference FROM complaints`)).rows.map((r) => r.reference as string);
    expect(stored).toEqual(expect.arrayContaining(accepted));
    await start('worker');
    await expectEachTriagedOnce(stored.length);
    console.log(`SIGTERM under load: ${accepted.length} accepted before shutdown, ${results.length - accepted.length} refused cleanly`);
  });

  it('jobs lost with a Redis that kept nothing: the sweeper finds the untriaged complaints and queues them again', async () => {
    const api = await start('main'); // the API alone: nothing relays the outbox yet
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(api.baseUrl)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    // The state after a relay handed the jobs to a Redis that then restarted empty: outbox done, queue empty.
    await db.query(`UPDATE outbox SET dispatched_at = now()`);
    await redis.kill();
    await redis.start();
    await start('worker');
    await expectEachTriagedOnce(20);
  });
});
