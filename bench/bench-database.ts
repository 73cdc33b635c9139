import { readFileSync } from 'node:fs';
import pg from 'pg';
import { loadEnvironment } from '../src/config/environment.js';
import { prepareDatabase } from '../src/database/prepare-database.js';

/** The URL of a scratch database beside DATABASE_URL's, named <database>_<suffix>. */
export function scratchUrl(suffix: string): string {
  const url = new URL(loadEnvironment().DATABASE_URL);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_${suffix}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Drops (when asked) and creates the scratch database, then migrates it. */
export async function freshDatabase(databaseUrl: string, drop: boolean): Promise<void> {
  if (drop) await dropDatabase(databaseUrl);
  await prepareDatabase(databaseUrl);
}

/** Resident set size of a process, in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}
