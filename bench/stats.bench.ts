import 'reflect-metadata';
import { loadEnvironment } from '../src/config/environment.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { signIn, startProcess } from './processes.js';
import { seedCases } from './seed-cases.js';
import { measureStats } from './stats.js';

/**
 * npm run bench:stats [-- --cases 1000000 --keep]: the statistics alone, on a scratch database seeded with a year of
 * cases and their history (npm run bench measures the same inside its growth steps).
 */
const CASES = Number(argument('--cases') ?? 1_000_000);

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const env = loadEnvironment();
  const databaseUrl = scratchUrl('bench_stats');
  await freshDatabase(databaseUrl, !process.argv.includes('--keep'));
  const api = await startProcess('main', {
    DATABASE_URL: databaseUrl, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: 'bench_stats', NODE_ENV: 'development',
    INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0',
  });
  try {
    const token = await signIn(api.baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    const started = Date.now();
    const added = await seedCases(databaseUrl, CASES);
    console.log(`bench: seeded ${added} cases with their history in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const result = await measureStats(api.baseUrl, token, databaseUrl, 5_000_000);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await api.stop();
    if (!process.argv.includes('--keep')) await dropDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
