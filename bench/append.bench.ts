import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CaseLogChainer } from '../src/audit/case-log-chainer.service.js';
import { CaseLogService } from '../src/audit/case-log.service.js';
import { validateEnvironment } from '../src/config/environment.js';
import { eventHash, GENESIS_HASH } from '../src/audit/event-hash.js';
import { standaloneAudit } from '../src/audit/standalone-audit.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';

/**
 * npm run bench:append: what the hash chain costs. Each run commits EVENTS one-event transactions from `writers`
 * concurrent writers, once through CaseLogService (queued in the writer's transaction, then chained by the single
 * appender, timed until the last one is chained) and once as a plain insert of the same row shape with no chain.
 */
const EVENTS = 3000;
const WRITERS = [1, 4, 16];

async function run(writers: number, append: () => Promise<unknown>): Promise<number> {
  let left = EVENTS;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (left-- > 0) await append();
    }),
  );
  return Math.round(EVENTS / (Number(process.hrtime.bigint() - started) / 1e9));
}

async function main(): Promise<void> {
  const databaseUrl = scratchUrl('bench_append');
  await freshDatabase(databaseUrl, true);
  const db = new DataSource({ ...dataSourceOptions({ DATABASE_URL: databaseUrl }), extra: { max: 20 } });
  await db.initialize();
  await db.query('CREATE TABLE plain_events (LIKE case_events INCLUDING ALL)');
  await db.query('CREATE SEQUENCE plain_events_seq OWNED BY plain_events.sequence');
  const caseLog = new CaseLogService();
  const env = validateEnvironment({ DATABASE_URL: databaseUrl });
  const chainer = new CaseLogChainer(env, db);
  const event = () => ({ reference: 'PCC-BENC-H000', actor: 'system' as const, type: 'bench.append', details: { complaintId: '00000000-0000-4000-8000-000000000000', channel: 'web' } });
  const queued = () => db.transaction((m) => caseLog.append(m, event()));
  const plain = () =>
    db.transaction((m) => {
      const e = event();
      const occurredAt = new Date().toISOString();
      return m.query(
        `INSERT INTO plain_events (sequence, occurred_at, reference, actor, type, details, prev_hash, hash)
         VALUES (nextval('plain_events_seq'), $1, $2, $3, $4, $5, $6, $7)`,
        [occurredAt, e.reference, e.actor, e.type, e.details, GENESIS_HASH, eventHash(GENESIS_HASH, { sequence: 0, occurredAt, ...e })],
      );
    });
  try {
    const chained = async (writers: number) => {
      const started = process.hrtime.bigint();
      let done = false;
      const chaining = (async () => {
        while (true) {
          await chainer.flush();
          const [{ waiting }] = await db.query('SELECT count(*)::int AS waiting FROM case_event_queue');
          if (waiting === 0 && done) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      await run(writers, queued);
      done = true;
      await chaining;
      return Math.round(EVENTS / (Number(process.hrtime.bigint() - started) / 1e9));
    };
    await chained(4); // warm up connections and caches
    const rows = [];
    for (const writers of WRITERS) {
      const serialised = await chained(writers);
      const unserialised = await run(writers, plain);
      rows.push({ writers, 'chained append/s': serialised, 'plain insert/s': unserialised, 'chained / plain': Number((serialised / unserialised).toFixed(2)) });
    }
    const verify = await standaloneAudit(env, db).verifier.verify();
    if (!verify.ok) throw new Error(`the chain broke under the benchmark at ${verify.firstBrokenSequence}`);
    console.table(rows);
    console.log(`chain after ${verify.events} appends: intact, gapless`);
    const folder = join(process.cwd(), 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `append-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, eventsPerRun: EVENTS, rows }, null, 2));
    console.log(`bench: results written to ${file}`);
  } finally {
    await db.destroy();
    await dropDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(`bench:append failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
