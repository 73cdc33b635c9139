import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';

/** Any number between two constant halves; the same in every process, so only one runs migrations at a time. */
const MIGRATION_LOCK = 7_215_404;

export class ServiceUnavailableError extends Error {}

/**
 * Triage rewrites its queue tables (the outbox, the case log's queue) and every complaint several times a minute;
 * without autovacuum their dead rows pile up and the planner's statistics go stale, and measured here Postgres's CPU a
 * complaint doubled after a burst of 10,000 (README, Benchmarks). Said once at start, for whoever runs the server.
 */
export const AUTOVACUUM_OFF =
  "PostgreSQL's autovacuum is off on this server: the outbox, the case log's queue and the complaints will fill with dead rows and triage will slow down. Turn it on (autovacuum = on), or run VACUUM ANALYZE regularly.";

/** Logs AUTOVACUUM_OFF when the server runs without autovacuum; returns whether it is on. */
export async function checkAutovacuum(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const on = (await client.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0].autovacuum === 'on';
    if (!on) new Logger('Database').warn(AUTOVACUUM_OFF);
    return on;
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it is missing (racing creators are fine). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ServiceUnavailableError(
      `Cannot reach PostgreSQL at ${url.host} (${(error as Error).message || (error as { code?: string }).code}). ` +
        'Start PostgreSQL (docker compose up -d postgres) or set DATABASE_URL.',
    );
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

/** Creates the database if needed and runs pending migrations under an advisory lock. Returns their names. */
export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource({ ...dataSourceOptions({ DATABASE_URL: databaseUrl }), extra: { max: 2 } });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
