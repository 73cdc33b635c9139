import pg from 'pg';

/** Drops this run's template (each file drops its own database when it closes). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.PCC_TEST_RUN;
  if (!run) return;
  // Jest loads its global hooks outside the test module system, so this file imports nothing of the project's.
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`pcc\\_triage\\_test\\_${run}\\_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
