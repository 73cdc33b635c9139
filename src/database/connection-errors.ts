import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { pgPool } from './prepared-query.js';

/**
 * When Postgres drops a connection in use, node-postgres may emit 'error' on the client a second time after TypeORM
 * has released it and removed its listener; an 'error' event with no listener kills the process. Every pooled
 * client gets a listener for its whole life, so a dropped connection fails only the requests that were using it.
 */
@Injectable()
export class ConnectionErrorsGuard implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const pool = pgPool(this.dataSource) as pg.Pool & { _clients?: pg.PoolClient[] };
    const guard = (client: pg.PoolClient) => {
      client.on('error', (error) => this.logger.warn({ err: error.message }, 'a database connection was lost; it will be replaced'));
    };
    for (const client of pool._clients ?? []) guard(client);
    pool.on('connect', guard);
  }
}
