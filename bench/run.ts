import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadEnvironment } from '../src/config/environment.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { submitComplaints, timeRequests } from './load.js';
import { signIn, startProcess, type Running } from './processes.js';
import { seedCases } from './seed-cases.js';
import { measureStats } from './stats.js';
import { pgbenchInserts } from './yardsticks.js';

/**
 * npm run bench: intake, triage, the queue page, the statistics and the export, measured in one run on a scratch database, beside
 * the machine's own yardsticks (pgbench, psql \copy). Prints a table with the targets; writes JSON to bench/results.
 */
const PREFIX = 'bench';
const GROWTH = [10_000, 100_000, 1_000_000];
const BURST = 10_000;

async function main(): Promise<void> {
  const env = loadEnvironment();
  const databaseUrl = scratchUrl('bench');
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const appEnv = {
    DATABASE_URL: databaseUrl, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: PREFIX, NODE_ENV: 'development',
    INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0', TRIAGE_SWEEP_SECONDS: '3600',
  };
  const running: Running[] = [];
  const start = async (entry: 'main' | 'worker') => {
    const process_ = await startProcess(entry, appEnv);
    running.push(process_);
    return process_;
  };
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 300_000) => {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const results: Record<string, unknown> = { at: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version } };

  try {
    await dropDatabase(databaseUrl);
    await freshDatabase(databaseUrl, false);
    await deleteRedisKeys(env.REDIS_URL);

    log('yardstick: pgbench, complaint-sized single-row inserts, 8 clients, 10 s');
    const pgbench = await pgbenchInserts(databaseUrl);
    results.pgbench = pgbench;

    log(`triage: ${BURST} complaints queued at once, then one worker process`);
    const api = await start('main');
    const token = await signIn(api.baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    await submitComplaints(api.baseUrl, { connections: 50, amount: BURST });
    const burstStarted = performance.now();
    const worker = await start('worker');
    await waitFor('the burst to be triaged', async () => (await count('SELECT count(*) AS n FROM triage_runs')) >= BURST, 900_000); // a shared machine can be slow
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    results.triageBurst = { complaints: BURST, seconds: round(burstSeconds), perSecond: Math.round(BURST / burstSeconds) };

    log('triage: a steady 100 complaints a second for 20 s, submit to classified');
    const steadyFrom = new Date();
    await submitComplaints(api.baseUrl, { connections: 10, seconds: 20, rate: 100, start: 100_000 });
    await waitFor('the steady load to be triaged', async () => (await count(`SELECT count(*) AS n FROM complaints WHERE status = 'received'`)) === 0);
    const { rows: [steady] } = await db.query(
      `SELECT count(*)::int AS complaints,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - c.received_at)) * 1000 AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - c.received_at)) * 1000 AS p95
         FROM complaints c JOIN triage_runs r ON r.complaint_id = c.id WHERE c.received_at >= $1`,
      [steadyFrom],
    );
    results.triageSteady = { rate: 100, complaints: steady.complaints, p50Ms: Math.round(steady.p50), p95Ms: Math.round(steady.p95) };
    await worker.stop();

    const growth = [];
    for (const size of GROWTH) {
      log(`growth: ${size} cases`);
      await seedCases(databaseUrl, size);
      const cases = await count('SELECT count(*) AS n FROM complaints');
      log(`  intake: 50 connections, 15 s, on ${cases} cases`);
      const intake = await submitComplaints(api.baseUrl, { connections: 50, seconds: 15, start: 1_000_000 + cases });
      log('  queue page: category filter sorted by due date, and full-text search');
      const queue = await timeRequests(api.baseUrl, '/api/cases?category=conduct&sort=due&pageSize=25', token, 200);
      const search = await timeRequests(api.baseUrl, '/api/cases?q=precept%20closure&sort=due&pageSize=25', token, 100);
      log('  statistics: the summary rebuilt, then a year of figures (p95 target 200 ms, the queue page budget)');
      const stats = await measureStats(api.baseUrl, token, databaseUrl, 3_000_000 + cases);
      growth.push({ cases, intake, queue, search, stats, plans: await plans(db) });
    }
    results.growth = growth;
    await api.stop();

    log('export: 1,000,000 events, CSV over HTTP against psql \\copy (npm run bench:export)');
    const exportRun = spawnSync(process.execPath, ['dist/bench/export.bench.js', '--events', '1000000', '--fresh'], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (exportRun.status !== 0) throw new Error('the export benchmark failed');
    results.export = latestResult('export-');

    report(results);
  } finally {
    await Promise.all(running.map((r) => r.stop()));
    await db.end();
    await dropDatabase(databaseUrl);
    await deleteRedisKeys(env.REDIS_URL);
  }
}

/** Whether the queue's two queries use indexes, from EXPLAIN of the SQL the API runs. */
async function plans(db: pg.Pool): Promise<{ category: string; search: string }> {
  const explain = async (sql: string) => (await db.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
  const category = await explain(`SELECT c.id FROM complaints c WHERE c.category = 'conduct' ORDER BY c.next_due_at ASC NULLS LAST, c.received_at ASC, c.id LIMIT 25`);
  const search = await explain(`SELECT c.id FROM complaints c WHERE to_tsvector('english', c.summary || ' ' || c.details) @@ websearch_to_tsquery('english', 'precept closure') ORDER BY c.next_due_at ASC NULLS LAST, c.received_at ASC, c.id LIMIT 25`);
  const used = (plan: string) => [...new Set(plan.match(/(complaints_\w+_idx)/g) ?? [])].join(', ') || 'no index';
  return { category: used(category), search: used(search) };
}

function report(results: Record<string, any>): void {
  const { pgbench, triageBurst, triageSteady, growth, export: exported } = results;
  const last = growth.at(-1);
  const csv = exported.rows[0];
  const copy = exported.rows[1];
  const rows = [
    ['pgbench single-row inserts (8 clients)', `${pgbench.tps}/s`, '', 'yardstick'],
    ...growth.map((g: any) => [`intake at ${g.cases} cases: accepted/s, p50/p99`, `${g.intake.perSecond}/s, ${g.intake.p50}/${g.intake.p99} ms, ${g.intake.errors + g.intake.non2xx} errors`, `${round(g.intake.perSecond / pgbench.tps)} of pgbench`, '>= 0.25, p99 <= 50 ms, 0 errors']),
    ['triage: 10,000 queued at once', `${triageBurst.perSecond} complaints/s`, `${triageBurst.seconds} s`, '>= 1000/s'],
    ['triage at a steady 100/s: submit to classified', `p50 ${triageSteady.p50Ms} ms, p95 ${triageSteady.p95Ms} ms`, `${triageSteady.complaints} complaints`, 'p95 < 1000 ms'],
    ...growth.map((g: any) => [`queue page at ${g.cases} cases: category, by due date`, `p50 ${g.queue.p50} ms, p95 ${g.queue.p95} ms`, g.plans.category, 'p95 <= 50 ms']),
    ...growth.map((g: any) => [`text search at ${g.cases} cases`, `p50 ${g.search.p50} ms, p95 ${g.search.p95} ms`, g.plans.search, 'p95 <= 200 ms']),
    ...growth.map((g: any) => [`statistics, last 365 days, at ${g.stats.cases} cases`, `p50 ${g.stats.lastYear.p50} ms, p95 ${g.stats.lastYear.p95} ms`, `${g.stats.summaryRows} summary rows`, 'p95 < 200 ms']),
    ...growth.map((g: any) => [`statistics: financial year / CSV / the /stats page at ${g.stats.cases} cases`, `p95 ${g.stats.financialYear.p95} / ${g.stats.csv.p95} / ${g.stats.page.p95} ms`, '', 'p95 < 200 ms']),
    ...growth.map((g: any) => [`statistics after 1,000 new complaints at ${g.stats.cases}`, `first ${g.stats.afterIntake.firstMs} ms, then p95 ${g.stats.afterIntake.then.p95} ms`, `rebuild from nothing ${g.stats.rebuildSeconds} s`, '']),
    ['CSV export of 1M events', `${csv.seconds} s (${csv['events/s']}/s), peak RSS ${csv['API peak RSS MiB']} MiB`, `${round(copy.seconds / csv.seconds)} of psql \\copy (${copy.seconds} s)`, '>= 0.3 of COPY'],
  ];
  console.log('');
  console.table(rows.map(([measure, figure, detail, target]) => ({ measure, figure, detail, target })));
  console.log(`queue pages after growth to ${last.cases} cases; machine: ${results.machine.cpus} cores, ${results.machine.cpu}`);
  const folder = join(process.cwd(), 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`bench: results written to ${file}`);
}

function latestResult(prefix: string): unknown {
  const folder = join(process.cwd(), 'bench', 'results');
  const file = readdirSync(folder).filter((f) => f.startsWith(prefix)).sort().at(-1)!;
  return JSON.parse(readFileSync(join(folder, file), 'utf8'));
}

async function deleteRedisKeys(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
const log = (line: string) => console.log(`bench: ${line}`);

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
