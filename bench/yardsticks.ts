import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface Pgbench {
  clients: number;
  seconds: number;
  tps: number;
  latencyMs: number;
}

/** pgbench inserting a complaint-sized row (8 clients, 10 s): what this machine's Postgres can take, for ratios. */
export async function pgbenchInserts(databaseUrl: string, clients = 8, seconds = 10): Promise<Pgbench> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (id bigserial PRIMARY KEY, reference varchar(20), summary varchar(300), details text, received_at timestamptz DEFAULT now())`);
  await client.end();
  const script = join(mkdtempSync(join(tmpdir(), 'pgbench-')), 'insert.sql');
  writeFileSync(script, `INSERT INTO bench_rows (reference, summary, details) VALUES ('PCC-AAAA-BBBB', 'The commissioner did not reply to my three letters about the station closure', repeat('I raised this in October and again the following week, and I would like the panel to look into it. ', 3));\n`);
  const run = spawnSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, databaseUrl], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(run.stdout)?.[1]);
  return { clients, seconds, tps: Math.round(tps), latencyMs };
}
