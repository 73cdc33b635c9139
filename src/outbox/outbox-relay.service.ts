import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DrainLoop } from '../common/drain-loop.js';
import { Environment } from '../config/environment.js';
import { listen, type PgListener } from '../database/pg-listener.js';
import { TriageQueueService } from '../triage/triage-queue.service.js';
import { LettersQueueService } from '../letters/letters-queue.service.js';
import { OUTBOX_CHANNEL, OUTBOX_TOPICS } from './outbox.topics.js';

const BATCH = 500;
const POLL_MS = 1000;

interface OutboxRow {
  id: string;
  topic: string;
  payload: { complaintId?: string; letterId?: string };
}

/**
 * Moves outbox rows to BullMQ. Woken at once by NOTIFY, and polls as a backstop, so a row written while Redis or
 * this process was down is relayed when both are back. Rows are locked with SKIP LOCKED: any number of relays may run.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: DrainLoop;
  private listener?: PgListener;

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
    private readonly triageQueue: TriageQueueService,
    private readonly lettersQueue: LettersQueueService,
  ) {
    this.loop = new DrainLoop('outbox relay', () => this.relayBatch(), BATCH, new Logger(OutboxRelayService.name), env.OUTBOX_GATHER_MS);
  }

  onApplicationBootstrap(): void {
    this.listener = listen(this.env.DATABASE_URL, OUTBOX_CHANNEL, () => this.loop.wake());
    this.loop.start(POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.close();
    await this.loop.stop();
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      )) as OutboxRow[];
      if (!rows.length) return 0;
      const of = (topic: string, key: 'complaintId' | 'letterId') => rows.filter((r) => r.topic === topic).map((r) => r.payload[key]!);
      await this.triageQueue.requestTriage(of(OUTBOX_TOPICS.triageRequested, 'complaintId'));
      await this.lettersQueue.requestAcknowledgements(of(OUTBOX_TOPICS.acknowledgementRequested, 'complaintId'));
      await this.lettersQueue.requestSends(of(OUTBOX_TOPICS.letterApproved, 'letterId'));
      await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
