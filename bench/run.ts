import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { apiProcessCount, clusterReadyText } from '../src/cluster.js';
import { loadEnvironment } from '../src/config/environment.js';
import { checkAutovacuum } from '../src/database/prepare-database.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { timeRequests } from './load.js';
import { measureMode, type Mode, type ModeFigures } from './pipeline.js';
import { signIn, startProcess } from './processes.js';
import { seedCases } from './seed-cases.js';
import { measureStats } from './stats.js';
import { pgbenchInserts, type Pgbench } from './yardsticks.js';

/**
 * npm run bench [-- --sizes 10000,1000000] [--modes single,split] [--burst 10000] [--all] [--quick]
 *
 * The complaint pipeline, measured in one run on a scratch database, for `npm start`'s single command and for the
 * API and workers as separate processes, at each size of the database: intake (against pgbench, with the API's CPU
 * per request), the drain of 10,000 queued complaints, and submit-to-classified at steady rates. Complaints are of
 * realistic lengths (labelled fixtures, lengthened; a few hundred to several thousand characters), each from its own
 * complainant. The queue page and search are timed at each size too; --all adds the statistics at each size and the
 * 1,000,000-event export (about twenty minutes more). Prints a table; writes JSON to bench/results.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,1000000' },
    modes: { type: 'string', default: 'single,split' },
    all: { type: 'boolean', default: false },
    burst: { type: 'string', default: '10000' },
    quick: { type: 'boolean', default: false },
  },
});

// Its own database and Redis keys, so two runs (or another engineer's) never meet.
const PREFIX = `bench_${process.pid}`;
/** --quick: a short run to try the bench itself, not to quote. */
const BURST = values.quick ? 300 : Number(values.burst);
const RATES = [
  { rate: 100, seconds: values.quick ? 3 : 20, connections: 20 },
  { rate: 500, seconds: values.quick ? 2 : 10, connections: 100 },
];
const INTAKE_REQUESTS = values.quick ? 300 : 5_000;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = loadEnvironment();
  const databaseUrl = scratchUrl(PREFIX);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const appEnv: Record<string, string> = {
    DATABASE_URL: databaseUrl, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: PREFIX, NODE_ENV: 'development', LOG_LEVEL: 'info',
    INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0', TRIAGE_SWEEP_SECONDS: '3600', STATS_REFRESH_SECONDS: '0', RETENTION_INTERVAL_HOURS: '0',
  };
  // the API processes the children run (they read the same environment), and the line saying all of them listen
  const apiProcesses = apiProcessCount(env);
  const apiReady = { readyText: clusterReadyText(env) };
  const sizes = values.sizes!.split(',').map(Number);
  const modes = values.modes!.split(',') as Mode[];
  let complainant = 0;
  const take = (n: number) => ((complainant += n), complainant - n);
  const results: Record<string, any> = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, available: availableParallelism(), cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadavg()[0] },
    settings: { sizes, modes, burst: BURST, rates: RATES, intakeRequests: INTAKE_REQUESTS, apiProcesses },
  };

  try {
    await dropDatabase(databaseUrl);
    await freshDatabase(databaseUrl, false);
    await deleteRedisKeys(env.REDIS_URL);
    log('starting the API once: it creates the first admin, whom the seeded cases name as their officer');
    await (await startProcess('main', appEnv, apiReady)).stop();

    // This machine's Postgres may run without autovacuum (a CI setting): the pipeline then vacuums between phases
    const autovacuum = await checkAutovacuum(databaseUrl);
    results.settings.postgresAutovacuum = autovacuum ? 'on' : 'off: the bench runs VACUUM ANALYZE between phases';
    const growth = [];
    for (const size of sizes) {
      log(`growth: seeding to ${size} cases`);
      await seedCases(databaseUrl, size);
      log('yardstick: pgbench, complaint-sized single-row inserts, 8 clients, 10 s');
      const pgbench = await pgbenchInserts(databaseUrl);
      const figures: ModeFigures[] = [];
      for (const mode of modes) {
        figures.push(await measureMode(mode, { appEnv, apiReady, db, burst: BURST, rates: RATES, intakeRequests: INTAKE_REQUESTS, vacuumBetweenPhases: !autovacuum, take, log }));
      }
      log('queue page (category by due date) and full-text search');
      // In service autovacuum keeps the visibility map (a capped count reads the index alone) and the text index's
      // pending list short; right after the modes' tens of thousands of writes it has not yet run (bench:queue too)
      await db.query('VACUUM (ANALYZE) complaints, complaint_search_documents, complainants, deadlines');
      const api = await startProcess('main', appEnv, apiReady);
      let queue;
      let search;
      let stats;
      try {
        const token = await signIn(api.baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
        queue = await timeRequests(api.baseUrl, '/api/cases?category=conduct&sort=due&pageSize=25', token, 200);
        search = await timeRequests(api.baseUrl, '/api/cases?q=precept%20closure&sort=due&pageSize=25', token, 100);
        if (values.all) stats = await measureStats(api.baseUrl, token, databaseUrl, 50_000_000 + take(10_000));
      } finally {
        await api.stop();
      }
      growth.push({ cases: await count('SELECT count(*) AS n FROM complaints'), sizeAsked: size, pgbench, modes: figures, queue, search, stats });
      results.growth = growth;
    }

    if (values.all) {
      log('export: 1,000,000 events, CSV over HTTP against psql \\copy (npm run bench:export)');
      const exportRun = spawnSync(process.execPath, ['dist/bench/export.bench.js', '--events', '1000000', '--fresh'], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (exportRun.status !== 0) throw new Error('the export benchmark failed');
      results.export = latestResult('export-');
    }
    results.minutes = Math.round((performance.now() - startedAt) / 6000) / 10;
    results.machine.loadAverageAtEnd = loadavg()[0];
    report(results);
  } finally {
    await db.end();
    await dropDatabase(databaseUrl);
    await deleteRedisKeys(env.REDIS_URL);
  }
}

const MODE_NAME: Record<Mode, string> = { single: '`npm start` (one command)', split: 'API and worker apart' };

function report(results: Record<string, any>): void {
  const folder = join(process.cwd(), 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`bench: results written to ${file}`);
  const rows: string[][] = [];
  for (const g of results.growth as any[]) {
    const pgbench = g.pgbench as Pgbench;
    rows.push([`pgbench single-row inserts (8 clients) at ${g.sizeAsked} cases`, `${pgbench.tps}/s`, '', 'yardstick']);
    for (const m of g.modes as ModeFigures[]) {
      const name = `${MODE_NAME[m.mode]}, from ${m.casesAtStart} cases`;
      const intake = (i: ModeFigures['intakeAlone']) =>
        `${i.perSecond}/s (${round(i.perSecond / pgbench.tps)} of pgbench), p50 ${i.p50} / p99 ${i.p99} ms, API CPU ${i.apiCpuMsPerRequest} ms/request, ${i.errors + i.non2xx} errors`;
      rows.push([`${name}: intake, API alone (workers stopped)`, intake(m.intakeAlone), `machine ${Math.round(m.intakeAlone.machineBusy * 100)}% busy`, '>= 0.25 of pgbench']);
      rows.push([`${name}: drain of ${m.drain.complaints} queued`, `${m.drain.perSecond} complaints/s (${m.drain.seconds} s)`, `steps per complaint ${m.drain.stepsPerComplaint.min}-${m.drain.stepsPerComplaint.max}`, '>= 1000/s']);
      for (const s of m.steady) {
        rows.push([`${name}: submit to classified at ${s.rate.rate}/s (${Math.round(s.rate.accepted / s.rate.seconds)}/s accepted)`, `p50 ${s.p50} / p95 ${s.p95} / p99 ${s.p99} ms`, `${s.complaints} complaints, caught up ${s.catchUpSeconds} s after`, s.rate.rate === 100 ? 'p95 <= 1000 ms' : '']);
      }
      const w = m.intakeWithTriage;
      rows.push([`${name}: intake with the workers triaging`, intake(w), `workers ${w.workerCpuMsPerRequest ?? '(same process)'} ms/request; triage caught up ${w.triageCatchUpSeconds} s after`, '']);
    }
    rows.push([`queue page at ${g.cases} cases: category by due date`, `p50 ${g.queue.p50} ms, p95 ${g.queue.p95} ms`, '', 'p95 <= 50 ms']);
    rows.push([`text search at ${g.cases} cases`, `p50 ${g.search.p50} ms, p95 ${g.search.p95} ms`, '', 'p95 <= 200 ms']);
    if (g.stats) {
      rows.push([`statistics, last 365 days / financial year / CSV / page at ${g.stats.cases}`, `p95 ${g.stats.lastYear.p95} / ${g.stats.financialYear.p95} / ${g.stats.csv.p95} / ${g.stats.page.p95} ms`, `rebuild ${g.stats.rebuildSeconds} s`, 'p95 < 200 ms']);
    }
  }
  if (results.export) {
    const csv = results.export.rows[0];
    const copy = results.export.rows[1];
    rows.push(['CSV export of 1M events', `${csv.seconds} s (${csv['events/s']}/s), peak RSS ${csv['API peak RSS MiB']} MiB`, `${round(copy.seconds / csv.seconds)} of psql \\copy (${copy.seconds} s)`, '>= 0.3 of COPY']);
  }
  console.log('');
  console.table(rows.map(([measure, figure, detail, target]) => ({ measure, figure, detail, target })));
  const m = results.machine;
  console.log(`machine: ${m.cpus} cores (${m.available} available), ${m.cpu}, load average ${m.loadAverageAtStart} at start, ${m.loadAverageAtEnd} at end; ${results.settings.apiProcesses} API processes; Postgres autovacuum ${results.settings.postgresAutovacuum}; ${results.minutes} minutes`);
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
const log = (line: string) => console.log(`bench: ${(performance.now() / 60_000).toFixed(1)} min: ${line}`);

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
