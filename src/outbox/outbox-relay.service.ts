import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { TriageQueueService } from '../triage/triage-queue.service.js';
import { OUTBOX_CHANNEL, OUTBOX_TOPICS, type TriageRequested } from './outbox.topics.js';

const BATCH = 500;
const POLL_MS = 1000;
const LISTEN_RETRY_MS = 2000;

interface OutboxRow {
  id: string;
  topic: string;
  payload: TriageRequested;
}

/**
 * Moves outbox rows to BullMQ. Woken at once by NOTIFY, and polls as a backstop, so a row written while Redis or
 * this process was down is relayed when both are back. Rows are locked with SKIP LOCKED: any number of relays may run.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
    private readonly triageQueue: TriageQueueService,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.draining;
  }

  /** Starts a drain, or asks the running one to go round again. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Relays until the outbox is empty or a batch fails. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
      if (this.failing) this.logger.log('outbox relay recovered');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: (error as Error).message }, 'outbox relay paused; rows stay in the outbox and are retried');
      this.failing = true;
    }
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      )) as OutboxRow[];
      if (!rows.length) return 0;
      const triage = rows.filter((r) => r.topic === OUTBOX_TOPICS.triageRequested).map((r) => r.payload.complaintId);
      await this.triageQueue.requestTriage(triage);
      await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.env.DATABASE_URL });
    client.on('notification', () => this.wake());
    client.on('error', () => undefined);
    client.on('end', () => {
      if (!this.stopped) setTimeout(() => void this.listen(), LISTEN_RETRY_MS);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
}
