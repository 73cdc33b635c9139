import pg from 'pg';
import { loadEnvironment } from '../../src/config/environment.js';
import { prepareDatabase } from '../../src/database/prepare-database.js';

/** Set by the global setup; every database of this run is named pcc_triage_test_<run>_<what>. */
const run = () => process.env.PCC_TEST_RUN ?? 'adhoc';
export const testDatabaseName = (what: string) => `pcc_triage_test_${run()}_${what}`;
const templateDatabase = () => testDatabaseName('template');

export function serverUrl(database: string): string {
  const url = new URL(loadEnvironment().DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast, and isolated from other files). */
export async function createTestDatabase(name: string): Promise<string> {
  if (!name.includes('test')) throw new Error(`refusing to use database ${name}: its name must contain "test"`);
  await prepareDatabase(serverUrl(templateDatabase())); // the first file of a run migrates the template
  await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateDatabase())}`);
  return serverUrl(name);
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!name.includes('test')) throw new Error(`refusing to drop database ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}
