import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DrainLoop } from '../common/drain-loop.js';
import { Environment } from '../config/environment.js';
import { listen, type PgListener } from '../database/pg-listener.js';
import { CASE_LOG_CHANNEL } from './case-log.service.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';

/** One appender at a time in all processes: the chain can never fork and sequences have no gaps. */
const CHAIN_LOCK = 7_215_405;
const BATCH = 2000;
const POLL_MS = 1000;

interface Waiting {
  id: string;
  occurred_at: Date;
  reference: string | null;
  actor: string;
  type: string;
  details: Record<string, unknown>;
}

/**
 * The single appender of the case log: moves waiting events into case_events in batches, each given the next
 * sequence and a SHA-256 over the previous hash and the event. Runs in every process; an advisory lock lets one
 * batch through at a time, and a batch is one transaction, so a crash leaves the events waiting, never half-chained.
 */
@Injectable()
export class CaseLogChainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: DrainLoop;
  private listener?: PgListener;

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
  ) {
    this.loop = new DrainLoop('case log chainer', () => this.chainBatch(), BATCH, new Logger(CaseLogChainer.name));
  }

  onApplicationBootstrap(): void {
    this.listener = listen(this.env.DATABASE_URL, CASE_LOG_CHANNEL, () => this.loop.wake());
    this.loop.start(POLL_MS);
  }

  /** Chains everything waiting; afterwards the log holds every event committed before the call. */
  flush(): Promise<void> {
    return this.loop.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.close();
    await this.loop.stop();
    await this.flush().catch(() => undefined); // leave nothing waiting that this process could chain
  }

  private async chainBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const waiting = (await manager.query(
        `SELECT id, occurred_at, reference, actor, type, details FROM case_event_queue ORDER BY id LIMIT ${BATCH}`,
      )) as Waiting[];
      if (!waiting.length) return 0;
      const [head] = (await manager.query('SELECT sequence, hash FROM case_events ORDER BY sequence DESC LIMIT 1')) as Array<{ sequence: string; hash: string }>;
      let sequence = head ? Number(head.sequence) : 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const rows = waiting.map((event) => {
        sequence += 1;
        // Hashed exactly as a verifier will read it back: occurredAt to the millisecond, details as jsonb returns them.
        const fields = { sequence, occurredAt: event.occurred_at.toISOString(), reference: event.reference, actor: event.actor, type: event.type, details: event.details };
        const hash = eventHash(prevHash, fields);
        const row = { ...fields, prevHash, hash };
        prevHash = hash;
        return row;
      });
      await manager.query(
        `INSERT INTO case_events (sequence, occurred_at, reference, actor, type, details, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::char(64)[], $8::char(64)[])`,
        [
          rows.map((r) => r.sequence), rows.map((r) => r.occurredAt), rows.map((r) => r.reference), rows.map((r) => r.actor),
          rows.map((r) => r.type), rows.map((r) => JSON.stringify(r.details)), rows.map((r) => r.prevHash), rows.map((r) => r.hash),
        ],
      );
      await manager.query('DELETE FROM case_event_queue WHERE id = ANY($1)', [waiting.map((w) => w.id)]);
      return waiting.length;
    });
  }
}
