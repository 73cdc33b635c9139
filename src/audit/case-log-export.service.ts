import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { pipeline, Transform, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { Environment } from '../config/environment.js';
import { CASE_EVENT_COLUMNS, toStoredEvent, type CaseEventRow } from './case-event-row.js';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { CaseLogService } from './case-log.service.js';
import type { ChainHead } from './chain-verifier.js';
import { CheckpointsService, type StoredCheckpoint } from './checkpoints.service.js';
import type { ExportQuery } from './dto/export-query.dto.js';
import { GENESIS_HASH } from './event-hash.js';
import { CsvRecordCounter, csvCopySql } from './csv-copy.js';
import { CONTENT_TYPES, jsonLinesEncoder } from './export-format.js';
import { exportWindow } from './export-window.js';

export const EXPORTED_EVENT = 'audit.exported';

/** Exports hold a connection for as long as the download lasts, so they get a small pool of their own. */
const EXPORT_CONNECTIONS = 4;
/** Rows fetched from the cursor at a time; the stream asks for more only as the client reads. */
const CURSOR_BATCH = 2000;

export interface OpenExport {
  head: ChainHead;
  /** The signed checkpoint of that head; null when it could not be signed (`checkpointRefused` says why). */
  checkpoint: StoredCheckpoint | null;
  checkpointRefused: string | null;
  fileName: string;
  contentType: string;
  body: Readable;
  /** Logs the export as a case event; call once the response has closed. */
  finish(responseCompleted: boolean): Promise<void>;
}

export interface RecentExport {
  sequence: number;
  occurredAt: Date;
  actor: string;
  email: string | null;
  details: Record<string, unknown>;
}

/**
 * Streams the case log inside a REPEATABLE READ snapshot, so the chain head in the headers and the rows in the body
 * come from one instant: CSV straight from COPY, JSON Lines from a server-side cursor. Memory stays flat at any size,
 * and the database is read only as fast as the client reads (back-pressure through the pipeline).
 */
@Injectable()
export class CaseLogExportService implements OnModuleDestroy {
  private readonly logger = new Logger(CaseLogExportService.name);
  private readonly pool: pg.Pool;
  private closing = false;

  constructor(
    env: Environment,
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly chainer: CaseLogChainer,
    private readonly checkpoints: CheckpointsService,
  ) {
    this.pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: EXPORT_CONNECTIONS, connectionTimeoutMillis: 10_000, application_name: 'pcc-triage-export' });
    this.pool.on('error', (error) => {
      if (!this.closing) this.logger.warn({ err: error }, 'idle export connection failed');
    });
  }

  async onModuleDestroy(): Promise<void> {
    // pg-pool resolves end() before the sockets close, so a server ending them just after is no news.
    this.closing = true;
    await this.pool.end();
  }

  async open(query: ExportQuery, staff: StaffUser): Promise<OpenExport> {
    await this.chainer.flush(); // every event committed before the request is in the export
    const client = await this.pool.connect(); // when every export connection stays busy, this times out into a 503
    let source: Readable;
    let head: ChainHead;
    let signed: Awaited<ReturnType<CaseLogExportService['checkpointOf']>>;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [top] = (await client.query<{ sequence: string; hash: string }>('SELECT sequence, hash FROM case_events ORDER BY sequence DESC LIMIT 1')).rows;
      head = top ? { sequence: Number(top.sequence), hash: top.hash } : { sequence: 0, hash: GENESIS_HASH };
      // Signed before the rows start to flow (the snapshot is already fixed), so nothing waits on an unread stream.
      signed = await this.checkpointOf(head);
      const { where, params } = filterSql(query, head.sequence);
      source =
        query.format === 'csv'
          ? client.query(copyTo(csvCopySql(where, params)))
          : client.query(new QueryStream(`SELECT ${CASE_EVENT_COLUMNS} FROM case_events WHERE ${where} ORDER BY sequence`, params, { batchSize: CURSOR_BATCH }));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }

    // CSV arrives from COPY as finished bytes; JSON Lines is made here from cursor rows. Either way, rows are counted.
    let count = 0;
    const counter = new CsvRecordCounter();
    const stages: Array<NodeJS.ReadableStream | NodeJS.ReadWriteStream> =
      query.format === 'csv'
        ? [source, counter]
        : [
            source,
            new Transform({
              objectMode: true,
              transform(row: CaseEventRow, _encoding, done) {
                count++;
                done(null, toStoredEvent(row));
              },
            }),
            jsonLinesEncoder(),
          ];
    let body!: Readable;
    const streamed = new Promise<boolean>((resolve) => {
      body = (pipeline as (...streams: unknown[]) => Readable)(...stages, (error: Error | null) => {
        // A stream cut off mid-way may leave the connection in any state: discard it rather than reuse it.
        if (error) client.release(error);
        else client.query('COMMIT').then(() => client.release(), (e: Error) => client.release(e));
        resolve(!error);
      });
    });
    const rowsSent = () => (query.format === 'csv' ? counter.records : count);

    return {
      head,
      ...signed,
      fileName: `case-log-${new Date().toISOString().slice(0, 10)}-to-${head.sequence}.${query.format}`,
      contentType: CONTENT_TYPES[query.format],
      body,
      finish: async (responseCompleted) => this.record(staff, query, head, signed.checkpoint, rowsSent(), (await streamed) && responseCompleted),
    };
  }

  /** Whether an export with these filters would hold any event: lets the page say so rather than send an empty file. */
  async hasEvents(query: ExportQuery): Promise<boolean> {
    await this.chainer.flush(); // as the export itself: events committed before the request count
    const { where, params } = filterSql(query, Number.MAX_SAFE_INTEGER);
    const [row] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM case_events WHERE ${where}) AS found`, params)) as Array<{ found: boolean }>;
    return row.found;
  }

  async recent(limit = 10): Promise<RecentExport[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.sequence, e.occurred_at, e.actor, e.details, u.email
         FROM case_events e LEFT JOIN users u ON e.actor = 'user:' || u.id::text
        WHERE e.type = $1 ORDER BY e.sequence DESC LIMIT $2`,
      [EXPORTED_EVENT, limit],
    )) as Array<{ sequence: string; occurred_at: Date; actor: string; email: string | null; details: Record<string, unknown> }>;
    return rows.map((r) => ({ sequence: Number(r.sequence), occurredAt: r.occurred_at, actor: r.actor, email: r.email, details: r.details }));
  }

  /** The export's checkpoint. A log that no longer agrees with its last checkpoint is still exported, unsigned. */
  private async checkpointOf(head: ChainHead): Promise<{ checkpoint: StoredCheckpoint | null; checkpointRefused: string | null }> {
    try {
      return { checkpoint: await this.checkpoints.issue('export', head), checkpointRefused: null };
    } catch (error) {
      this.logger.error({ err: error, head }, 'an export of the case log goes out without a checkpoint');
      return { checkpoint: null, checkpointRefused: (error as Error).message };
    }
  }

  private async record(staff: StaffUser, query: ExportQuery, head: ChainHead, checkpoint: StoredCheckpoint | null, rows: number, completed: boolean): Promise<void> {
    const { format, from, to, reference, type } = query;
    const details = { format, filters: { from, to, reference, type }, rows, completed, headSequence: head.sequence, headHash: head.hash, checkpointId: checkpoint?.id ?? null };
    try {
      await this.caseLog.append(this.dataSource.manager, { reference: null, actor: actorOf(staff), type: EXPORTED_EVENT, details });
    } catch (error) {
      this.logger.error({ err: error, details }, 'could not log an export of the case log');
    }
  }
}

function filterSql(query: ExportQuery, headSequence: number): { where: string; params: unknown[] } {
  const conditions = ['sequence <= $1'];
  const params: unknown[] = [headSequence];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(`${condition} $${params.length}`);
  };
  const window = exportWindow(query.from, query.to);
  if (window.from) add('occurred_at >=', window.from);
  if (window.until) add('occurred_at <', window.until);
  if (query.reference) add('reference =', query.reference);
  if (query.type) add('type =', query.type);
  return { where: conditions.join(' AND '), params };
}
