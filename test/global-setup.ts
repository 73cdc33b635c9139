import pg from 'pg';
import { randomBytes } from 'node:crypto';

const STALE_AFTER_SECONDS = 2 * 3600;

function adminClient(): pg.Client {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return new pg.Client({ connectionString: url.toString() });
}

/**
 * Names this run (test databases are pcc_triage_test_<run>_*, so runs side by side never touch each other's data)
 * and drops databases that crashed runs left more than two hours ago. The first test file migrates the run's template.
 */
export default async function globalSetup(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  process.env.PCC_TEST_RUN = `${now}_${randomBytes(3).toString('hex')}`;
  const client = adminClient();
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'pcc\\_triage\\_test\\_%'`);
    for (const { datname } of rows) {
      const startedAt = Number(datname.split('_')[3]);
      if (datname.includes('test') && (!startedAt || now - startedAt > STALE_AFTER_SECONDS)) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
