import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../src/config/environment.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { treeCpuMs } from './cpu.js';
import { measureIntake } from './intake.js';
import { startProcess } from './processes.js';
import { pgbenchInserts } from './yardsticks.js';

/**
 * npm run bench:intake -- [--requests N] [--connections N] [--length N] [--processes N] [--with-worker] [--log-level L] [--profile DIR]
 * The intake alone: CPU per request of the API (from /proc, in this separate process) and throughput, beside pgbench
 * in the same run. --app DIR runs another checkout's build (to compare). --profile writes a V8 CPU profile of the API process to DIR (node --cpu-prof).
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '50' },
    length: { type: 'string', default: '1000' },
    processes: { type: 'string', default: '1' },
    'with-worker': { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    'rate-limit': { type: 'string', default: '0' },
    profile: { type: 'string' },
    app: { type: 'string' },
    'no-pgbench': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const env = loadEnvironment();
  const databaseUrl = scratchUrl('bench_intake');
  await freshDatabase(databaseUrl, true);
  const prefix = `bench_intake_${process.pid}`;
  const app = await startProcess(
    'main',
    {
      DATABASE_URL: databaseUrl, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: prefix, NODE_ENV: 'development', LOG_LEVEL: values['log-level']!,
      INTAKE_RATE_LIMIT: values['rate-limit']!, LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0', STATS_REFRESH_SECONDS: '0', RETENTION_INTERVAL_HOURS: '0',
      API_PROCESSES: values.processes!,
    },
    { cwd: values.app, args: values['with-worker'] ? ['--with-worker'] : [], nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []},
  );
  try {
    const requests = Number(values.requests);
    const connections = Number(values.connections);
    const length = Number(values.length);
    const cpu = { api: () => treeCpuMs(app.child.pid!).cpuMs };
    log('warming up: 2,000 complaints');
    await measureIntake(app.baseUrl, cpu, { requests: 2000, connections, start: 0, length });
    log(`measuring: ${requests} complaints of about ${length} characters over ${connections} connections`);
    const intake = await measureIntake(app.baseUrl, cpu, { requests, connections, start: 10_000, length });
    const pgbench = values['no-pgbench'] ? undefined : await pgbenchInserts(databaseUrl);
    console.table([{ ...intake, pgbenchTps: pgbench?.tps, ofPgbench: pgbench ? Math.round((intake.perSecond / pgbench.tps) * 100) / 100 : undefined }]);
  } finally {
    await app.stop();
    await dropDatabase(databaseUrl);
  }
}

const log = (line: string) => console.log(`bench:intake: ${line}`);

main().catch((error) => {
  console.error(`bench:intake failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
