import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { searchDocumentOf } from '../src/complaints/search-document.js';
import { loadEnvironment } from '../src/config/environment.js';
import { loadLabelled } from '../src/triage/evaluation/labelled-cases.js';
import { EARLIER_COMPARED, EARLIER_COMPLAINTS_SQL } from '../src/triage/triage-facts.service.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { startProcess, type Running } from './processes.js';

/**
 * npm run bench:repetition-flood -- [--earlier N] [--flood N] [--ordinary N]: one email address with N earlier
 * complaints (default 5,000) sends a flood of the same complaint while other people send theirs. Measures the
 * repetition look-up for that person, as it was (every earlier complaint compared) and as it is (bounded by index
 * before any similarity), then the triage of the ordinary complaints alone and of the flood with them, on a scratch
 * database (`<database>_flood`, dropped afterwards) with the app in child processes.
 */
const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EARLIER = argument('earlier', 5000);
const FLOOD = argument('flood', 500);
const ORDINARY = argument('ordinary', 500);
const PREFIX = 'bench_flood';
const FLOOD_EMAIL = 'flood.sender@example.org';

/** The look-up as it was before issue 18: every earlier complaint of the person compared, then the latest 50 kept. */
const UNBOUNDED_SQL = `SELECT c.reference, c.summary, c.details, c.received_at, c.status,
        GREATEST(similarity(c.summary, $5), similarity(left(c.details, 4000), left($6, 4000)),
                 similarity(c.summary || ' ' || left(c.details, 4000), $5 || ' ' || left($6, 4000))) AS similarity
   FROM complainants p JOIN complaints c ON c.complainant_id = p.id
  WHERE (p.email_key = $1 OR (p.name_key = $2 AND p.address_key IS NOT NULL AND p.address_key = $3))
    AND c.id <> $4 AND c.received_at <= $7
  ORDER BY c.received_at DESC LIMIT 50`;

const texts = loadLabelled()
  .map((c) => c.complaint)
  .filter((c) => c.details.length >= 300 && c.details.length <= 4000);
const FLOOD_TEXT = texts.find((c) => c.details.length > 900 && c.details.length < 1200)!;

function body(n: number, flood: boolean): string {
  const c = flood ? FLOOD_TEXT : texts[n % texts.length];
  return JSON.stringify({
    complainant: flood ? { name: 'Flood Sender', email: FLOOD_EMAIL } : { name: `Ordinary Person ${n}`, email: `ordinary.${n}@example.org` },
    subject: { role: 'pcc' },
    summary: c.summary,
    details: c.details,
  });
}

async function submit(baseUrl: string, bodies: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++];
        const response = await fetch(`${baseUrl}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b });
        if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
      }
    }),
  );
}

async function main(): Promise<void> {
  const env = loadEnvironment();
  const databaseUrl = scratchUrl('flood');
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const appEnv = {
    DATABASE_URL: databaseUrl, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: PREFIX, NODE_ENV: 'development',
    INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0', TRIAGE_SWEEP_SECONDS: '3600',
    STATS_REFRESH_SECONDS: '0', RETENTION_INTERVAL_HOURS: '0',
  };
  const running: Running[] = [];
  const results: Record<string, unknown> = { at: new Date().toISOString(), earlier: EARLIER, flood: FLOOD, ordinary: ORDINARY };
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    const until = Date.now() + 1_800_000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await dropDatabase(databaseUrl);
    await freshDatabase(databaseUrl, false);
    await deleteRedisKeys(env.REDIS_URL);
    log(`seeding ${EARLIER} earlier complaints from ${FLOOD_EMAIL}`);
    await db.query(
      `WITH people AS (
         INSERT INTO complainants (id, name, email, email_key, name_key, created_at)
         SELECT gen_random_uuid(), 'Flood Sender', $1, $1, 'flood sender', now() - (s + 10) * interval '1 hour' FROM generate_series(1, $2::int) s
         RETURNING id, created_at
       ), cases AS (
         INSERT INTO complaints (id, reference, complainant_id, subject_role, summary, details, channel, received_at, status, updated_at)
         SELECT gen_random_uuid(), 'PCC-F' || upper(lpad(to_hex(row_number() OVER ()), 7, '0')) || '-AAAA', id, 'pcc', $3, $4 || ' (' || created_at || ')', 'api', created_at,
                (ARRAY['triaged', 'closed'])[1 + (row_number() OVER ()) % 2], created_at
           FROM people
         RETURNING id, summary, details
       )
       INSERT INTO complaint_search_documents (complaint_id, document) SELECT id, ${searchDocumentOf('cases')} FROM cases`,
      [FLOOD_EMAIL, EARLIER, FLOOD_TEXT.summary, FLOOD_TEXT.details],
    );
    await db.query('ANALYZE complainants; ANALYZE complaints');

    const api = await startProcess('main', appEnv);
    running.push(api);
    const drain = async (label: string, bodies: Array<{ body: string; flood: boolean }>) => {
      const before = await count(`SELECT count(*) AS n FROM triage_runs`);
      await submit(api.baseUrl, bodies.map((b) => b.body));
      const started = new Date();
      const startedAt = performance.now();
      const worker = await startProcess('worker', appEnv);
      await waitFor(label, async () => (await count(`SELECT count(*) AS n FROM triage_runs`)) >= before + bodies.length);
      const seconds = (performance.now() - startedAt) / 1000;
      const { rows: [ordinary] } = await db.query(
        `SELECT extract(epoch FROM max(r.completed_at) - $1::timestamptz)::float AS seconds, count(*)::int AS n
           FROM triage_runs r JOIN complaints c ON c.id = r.complaint_id JOIN complainants p ON p.id = c.complainant_id
          WHERE p.email_key <> $2 AND r.completed_at >= $1`,
        [started, FLOOD_EMAIL],
      );
      await worker.stop();
      const figure = { complaints: bodies.length, seconds: round(seconds), perSecond: Math.round(bodies.length / seconds), ordinaryDoneAfterSeconds: round(ordinary.seconds) };
      log(`${label}: ${JSON.stringify(figure)}`);
      return figure;
    };

    log(`${ORDINARY * 2} ordinary complaints (300-4,000 characters), each from its own complainant`);
    results.ordinaryOnly = await drain('ordinary only', Array.from({ length: ORDINARY * 2 }, (_, n) => ({ body: body(n, false), flood: false })));
    log(`${FLOOD} copies from ${FLOOD_EMAIL} interleaved with ${ORDINARY} ordinary complaints`);
    results.withFlood = await drain('flood and ordinary', Array.from({ length: FLOOD + ORDINARY }, (_, n) => ({ body: body(n + 10_000, n % 2 === 0 && n / 2 < FLOOD), flood: n % 2 === 0 && n / 2 < FLOOD })));
    const repetitious = await count(
      `SELECT count(*) AS n FROM triage_step_results s JOIN complaints c ON c.id = s.complaint_id JOIN complainants p ON p.id = c.complainant_id
        WHERE p.email_key = $1 AND s.step = 'repetition' AND s.verdict = 'repetitious'`,
      [FLOOD_EMAIL],
    );
    results.floodFoundRepetitious = repetitious;

    // The look-up itself, for the latest complaint of the flood: as it was, and as it is.
    const { rows: [latest] } = await db.query(
      `SELECT c.id, c.summary, c.details, c.received_at, p.email_key, p.name_key, p.address_key
         FROM complaints c JOIN complainants p ON p.id = c.complainant_id WHERE p.email_key = $1 ORDER BY c.received_at DESC LIMIT 1`,
      [FLOOD_EMAIL],
    );
    const timeQuery = async (sql: string, params: unknown[]) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await db.query(sql, params);
        times.push(performance.now() - started);
      }
      return round(times.sort((a, b) => a - b)[2]);
    };
    results.lookUpMs = {
      unbounded: await timeQuery(UNBOUNDED_SQL, [latest.email_key, latest.name_key, latest.address_key, latest.id, latest.summary, latest.details, latest.received_at]),
      bounded: await timeQuery(EARLIER_COMPLAINTS_SQL, [[latest.id]]),
      compared: EARLIER_COMPARED,
    };
    log(`look-up for a person with ${EARLIER + FLOOD} complaints (median of 5): ${JSON.stringify(results.lookUpMs)}`);

    const table = [
      ['measure', 'figure'],
      [`repetition look-up, ${EARLIER + FLOOD} complaints from one address: as it was / bounded`, `${(results.lookUpMs as { unbounded: number }).unbounded} ms / ${(results.lookUpMs as { bounded: number }).bounded} ms`],
      [`${ORDINARY * 2} ordinary complaints queued at once`, `${(results.ordinaryOnly as { perSecond: number }).perSecond}/s`],
      [`${FLOOD} flood copies + ${ORDINARY} ordinary queued at once`, `${(results.withFlood as { perSecond: number }).perSecond}/s; the ordinary ones done after ${(results.withFlood as { ordinaryDoneAfterSeconds: number }).ordinaryDoneAfterSeconds} s`],
      ['flood copies found repetitious', `${repetitious} of ${FLOOD}`],
    ];
    console.log('\n' + table.map((row) => `| ${row.join(' | ')} |`).join('\n'));
    mkdirSync('bench/results', { recursive: true });
    const file = join('bench/results', `repetition-flood-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    log(`written ${file}`);
  } finally {
    await Promise.all(running.map((r) => r.stop()));
    await db.end();
    await dropDatabase(databaseUrl);
    await deleteRedisKeys(env.REDIS_URL);
  }
}

async function deleteRedisKeys(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

const round = (n: number) => Math.round(n * 10) / 10;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
