import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { CheckpointSigner } from '../src/audit/checkpoint-signer.service.js';
import { loadEnvironment, validateEnvironment } from '../src/config/environment.js';
import { freshDatabase, rssMiB, scratchUrl } from './bench-database.js';
import { seedEvents } from './seed-events.js';

/**
 * npm run bench:export [-- --events 1000000 --fresh --heap-mib 128]: seeds a scratch database with a valid chain, starts the API in a
 * child process, then times the CSV export over HTTP against psql's \copy of the same rows, sampling the API's memory.
 */
const EVENTS = Number(argument('--events') ?? 1_000_000);
const SAMPLE_MS = 100;
/** Years of hourly checkpoints, to see what comparing the chain with all of them costs. */
const MANY_CHECKPOINTS = 10_000;
const BENCH_PREFIX = 'bench_export';
/** Caps the API's V8 heap: an export far larger than the cap that still completes was never held in memory. */
const HEAP_MIB = argument('--heap-mib');

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function prepare(databaseUrl: string): Promise<void> {
  const fresh = process.argv.includes('--fresh');
  await freshDatabase(databaseUrl, fresh);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const [{ n }] = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events')).rows;
  await client.end();
  if (n >= EVENTS) console.log(`bench: reusing ${n} events in ${new URL(databaseUrl).pathname.slice(1)} (--fresh to seed again)`);
  else {
    const started = Date.now();
    await seedEvents(databaseUrl, EVENTS - n);
    console.log(`bench: seeded ${EVENTS - n} chained events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function startApi(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', QUEUE_PREFIX: BENCH_PREFIX, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0' };
  const flags = HEAP_MIB ? [`--max-old-space-size=${HEAP_MIB}`] : [];
  const child = spawn(process.execPath, [...flags, 'dist/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) return { child, baseUrl };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('the API did not start');
}

/** Runs `work` while sampling a process's RSS; returns the work's result, its time and the RSS samples. */
async function measured<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; seconds: number; rss: number[] }> {
  const rss = [rssMiB(pid)];
  const timer = setInterval(() => rss.push(rssMiB(pid)), SAMPLE_MS);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9, rss };
  } finally {
    clearInterval(timer);
    rss.push(rssMiB(pid));
  }
}

/** Reads a stream to its end, counting bytes and line feeds, keeping nothing. */
async function drain(stream: AsyncIterable<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { bytes, lines };
}

async function httpExport(baseUrl: string, token: string, format: 'csv' | 'jsonl') {
  const response = await fetch(`${baseUrl}/api/audit/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  const head = Number(response.headers.get('x-chain-head-sequence'));
  return { head, ...(await drain(response.body as unknown as AsyncIterable<Uint8Array>)) };
}

async function psqlCopy(databaseUrl: string, head: number) {
  const sql = `\\copy (SELECT sequence, occurred_at, reference, actor, type, details, prev_hash, hash FROM case_events WHERE sequence <= ${head} ORDER BY sequence) TO STDOUT WITH (FORMAT csv, HEADER)`;
  const child = spawn('psql', [databaseUrl, '-X', '-q', '-c', sql], { stdio: ['ignore', 'pipe', 'inherit'] });
  const counted = await drain(child.stdout);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`psql exited with ${code}`);
  return counted;
}

async function main(): Promise<void> {
  const env = loadEnvironment();
  const databaseUrl = scratchUrl('bench_export');
  await prepare(databaseUrl);
  const { child, baseUrl } = await startApi(databaseUrl);
  try {
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const pid = child.pid!;
    const idle = rssMiB(pid);
    const get = (path: string) => fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.json());
    // The first checkpoint of a log checks the whole chain before signing; in service the periodic check signs one
    // every period, so an export's own checkpoint only checks what was appended since.
    console.log('bench: the first checkpoint (checks the whole chain, then signs)');
    const firstCheckpoint = await measured(pid, () => get('/api/audit/checkpoint'));
    console.log('bench: exporting as CSV over HTTP');
    const csv = await measured(pid, () => httpExport(baseUrl, accessToken, 'csv'));
    console.log('bench: psql \\copy of the same rows');
    const copy = await measured(pid, () => psqlCopy(databaseUrl, csv.result.head));
    console.log('bench: exporting as JSON Lines over HTTP');
    const jsonl = await measured(pid, () => httpExport(baseUrl, accessToken, 'jsonl'));
    console.log('bench: verifying the chain over HTTP');
    const verify = await measured(pid, () => get('/api/audit/verify'));
    console.log(`bench: verifying again with ${MANY_CHECKPOINTS} more stored checkpoints (their signatures checked the first time, remembered after)`);
    await storeCheckpoints(databaseUrl, MANY_CHECKPOINTS);
    const verifyMany = await measured(pid, () => get('/api/audit/verify'));
    const verifyManyAgain = await measured(pid, () => get('/api/audit/verify'));
    for (const v of [verifyMany, verifyManyAgain]) {
      if (!(v.result as { ok: boolean }).ok) throw new Error(`verify failed with many checkpoints: ${JSON.stringify(v.result)}`);
    }

    const row = (what: string, m: { seconds: number; rss: number[] }, events: number, bytes?: number) => ({
      what,
      events,
      seconds: Number(m.seconds.toFixed(2)),
      'events/s': Math.round(events / m.seconds),
      MiB: bytes === undefined ? '' : Number((bytes / 2 ** 20).toFixed(1)),
      'API peak RSS MiB': Math.max(...m.rss),
    });
    const rows = [
      row('CSV export over HTTP (COPY through the API)', csv, csv.result.lines - 1, csv.result.bytes),
      row('psql \\copy ... TO STDOUT (FORMAT csv)', copy, copy.result.lines - 1, copy.result.bytes),
      row('JSON Lines export over HTTP', jsonl, jsonl.result.lines, jsonl.result.bytes),
      row('verify over HTTP (keyset pages)', verify, (verify.result as { events: number }).events),
      row('first checkpoint: whole chain checked, then signed', firstCheckpoint, (firstCheckpoint.result as { sequence: number }).sequence),
      row(`verify with ${MANY_CHECKPOINTS} stored checkpoints, first time`, verifyMany, (verifyMany.result as { events: number }).events),
      row(`verify with ${MANY_CHECKPOINTS} stored checkpoints, again`, verifyManyAgain, (verifyManyAgain.result as { events: number }).events),
    ];
    console.table(rows);
    console.log(`API RSS idle before the exports: ${idle} MiB${HEAP_MIB ? `, heap capped at ${HEAP_MIB} MiB` : ''}; CSV export ${(csv.seconds / copy.seconds).toFixed(1)}x the time of psql \\copy`);
    const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
    const results = { at: new Date().toISOString(), machine, apiHeapCapMiB: HEAP_MIB ? Number(HEAP_MIB) : null, events: csv.result.head, idleRssMiB: idle, rows, rssSamplesMiB: { csv: csv.rss, jsonl: jsonl.rss, verify: verify.rss }, verify: verify.result, verifyWithManyCheckpoints: verifyManyAgain.result };
    const folder = join(process.cwd(), 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `export-${results.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`bench: results written to ${file}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await deleteRedisKeys(env.REDIS_URL);
  }
}

/** Signs and stores checkpoints at `count` sequences spread over the log, as years of periodic checks would leave. */
async function storeCheckpoints(databaseUrl: string, count: number): Promise<void> {
  const signer = new CheckpointSigner(validateEnvironment({ DATABASE_URL: databaseUrl }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sequence: string; hash: string }>(
      `SELECT sequence, hash FROM case_events WHERE sequence % (SELECT greatest(max(sequence) / $1, 1) FROM case_events) = 0 ORDER BY sequence LIMIT $1`,
      [count],
    );
    const signed = rows.map((r) => signer.sign({ sequence: Number(r.sequence), hash: r.hash }));
    await client.query(
      `INSERT INTO case_log_checkpoints (sequence, hash, issued_at, key_id, signature, text, note, occasion)
       SELECT *, 'scheduled' FROM unnest($1::bigint[], $2::char(64)[], $3::timestamptz[], $4::char(64)[], $5::varchar[], $6::text[], $7::text[])
       ON CONFLICT DO NOTHING`,
      [signed.map((c) => c.sequence), signed.map((c) => c.hash), signed.map((c) => c.issuedAt), signed.map((c) => c.keyId), signed.map((c) => c.signature), signed.map((c) => c.text), signed.map((c) => c.note)],
    );
  } finally {
    await client.end();
  }
}

/** The API registers its queues in Redis; leave nothing behind. */
async function deleteRedisKeys(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${BENCH_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(`bench:export failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
