import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions } from './data-source.js';
import { prepareDatabase } from './prepare-database.js';

/**
 * Fails when the entities and the migrations disagree (the same test as `migration:generate --check`):
 * migrates a scratch database from nothing, then asks TypeORM what SQL it would still need.
 */
async function main(): Promise<void> {
  const url = new URL(loadEnvironment().DATABASE_URL);
  const scratch = `${url.pathname.slice(1)}_drift_check`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const dropScratch = async () => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(scratch)} WITH (FORCE)`);
    await client.end();
  };
  url.pathname = `/${scratch}`;
  await dropScratch();
  await prepareDatabase(url.toString());
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: url.toString() }));
  await dataSource.initialize();
  const pending = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  await dropScratch();
  if (pending.upQueries.length) {
    console.error('Migration drift: the entities need SQL that no migration runs. Generate a migration (npm run migration:generate -- migrations/Name):');
    for (const q of pending.upQueries) console.error(`  ${q.query}`);
    process.exit(1);
  }
  console.log('migrations match the entities');
}

main().catch((error) => {
  console.error(`migration check failed: ${(error as Error).message}`);
  process.exit(1);
});
