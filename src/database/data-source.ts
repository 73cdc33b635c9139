import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one TypeORM configuration, used by the app, the CLI, the seeds and the tests. Never synchronize. */
export function dataSourceOptions(env: Pick<Environment, 'DATABASE_URL'> & Partial<Pick<Environment, 'DATABASE_POOL_SIZE'>>): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: env.DATABASE_POOL_SIZE ?? 20, connectionTimeoutMillis: 5000, application_name: 'pcc-triage' },
  };
}
