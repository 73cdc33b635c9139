import 'reflect-metadata';
import pg from 'pg';
import { loadEnvironment } from '../src/config/environment.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { timeRequests } from './load.js';
import { signIn, startProcess } from './processes.js';
import { seedCases } from './seed-cases.js';

/**
 * npm run bench:queue -- [--cases N] [--keep]: the queue's searches and filters (API and the HTML page) on a scratch
 * database of N seeded cases (default 1,000,000), 100 requests each, one after another as an officer would.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cases = Number(args[args.indexOf('--cases') + 1]) || 1_000_000;
  const env = loadEnvironment();
  const url = scratchUrl('bench_queue');
  await freshDatabase(url, !args.includes('--keep'));
  const app = await startProcess('main', { DATABASE_URL: url, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: 'bench_queue', INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0' });
  try {
    await seedCases(url, cases);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    // In service autovacuum keeps the visibility map that lets a capped count read the index alone (57 ms to 6 ms for
    // a category); the test server runs with autovacuum off, so the bench does what it would have done.
    await db.query('VACUUM (ANALYZE) complaints, complaint_search_documents, complainants, deadlines');
    const { rows: [sample] } = await db.query(`SELECT c.reference, p.email FROM complaints c JOIN complainants p ON p.id = c.complainant_id ORDER BY c.received_at DESC LIMIT 1 OFFSET 4321`);
    await db.end();
    const token = await signIn(app.baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    const measures: Record<string, string> = {
      'category, by due date': '/api/cases?category=conduct&sort=due',
      'every field blank (the form as sent)': '/api/cases?q=&category=&status=&assignee=&sort=due&overdue=&review=&possibleOffence=',
      'a reference, typed without dashes in lower case': `/api/cases?q=${sample.reference.replace(/-/g, '').toLowerCase()}`,
      'an email address': `/api/cases?q=${encodeURIComponent(sample.email)}`,
      'a name shared by every complainant ("Seeded")': '/api/cases?q=Seeded',
      'a name shared by one ("Seeded 123457")': '/api/cases?q=Seeded%20123457',
      'complaint words ("precept closure")': '/api/cases?q=precept%20closure',
      'possible offences': '/api/cases?possibleOffence=true',
      'the queue page (HTML), a reference': `/cases?q=${sample.reference}&category=&status=&assignee=&sort=due`,
    };
    console.log(`queue at ${cases} cases (p95 target 50 ms for filters, 200 ms for searches)`);
    for (const [what, path] of Object.entries(measures)) {
      const latency = await timeRequests(app.baseUrl, path, token, 100);
      console.log(`  ${what.padEnd(48)} p50 ${String(latency.p50).padStart(6)} ms   p95 ${String(latency.p95).padStart(6)} ms   max ${latency.max} ms`);
    }
  } finally {
    await app.stop();
    if (!args.includes('--keep')) await dropDatabase(url);
  }
}

main().catch((error) => {
  console.error(`bench:queue failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
