import pg from 'pg';

/**
 * Drops the test databases an earlier run left, the migrated template among them, so this run migrates it afresh from the current migrations
 * (the first test file does that; see helpers/test-database.ts). Refuses any database without "test" in its name.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'pcc\\_triage\\_test\\_%'`);
    for (const { datname } of rows) {
      if (!datname.includes('test')) throw new Error(`refusing to drop ${datname}`);
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
