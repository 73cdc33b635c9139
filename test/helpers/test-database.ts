import pg from 'pg';
import { loadEnvironment } from '../../src/config/environment.js';
import { prepareDatabase } from '../../src/database/prepare-database.js';

/** Every test database is named after this; the global setup refuses a name without "test". */
export const TEMPLATE_DATABASE = 'pcc_triage_test_template';

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
  await prepareDatabase(serverUrl(TEMPLATE_DATABASE)); // the global setup dropped it: the first file migrates it
  await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${TEMPLATE_DATABASE}`);
  return serverUrl(name);
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!name.includes('test')) throw new Error(`refusing to drop database ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}
