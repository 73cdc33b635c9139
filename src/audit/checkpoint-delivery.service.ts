import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DrainLoop } from '../common/drain-loop.js';
import { Environment } from '../config/environment.js';
import { listen, type PgListener } from '../database/pg-listener.js';
import { MailerService } from '../letters/mailer.service.js';
import { CheckpointDirectory } from './checkpoint-directory.js';
import { claimOf, SIGNED_CHECKPOINT_COLUMNS, type SignedCheckpointRow } from './checkpoint-row.js';
import { checkpointEmail } from './checkpoint-email.js';
import { CheckpointSigner, type SignedCheckpoint } from './checkpoint-signer.service.js';
import { CHECKPOINT_CHANNEL } from './checkpoints.service.js';

const BATCH = 50;
/** Also how soon a retry falls due after its back-off. */
const POLL_MS = 5000;
/** A worker that takes checkpoints to deliver holds them this long; if it dies, another takes them after. */
const LEASE = '5 minutes';
const MAX_BACKOFF_SECONDS = 3600;

interface Leased extends SignedCheckpointRow {
  file_delivered_at: Date | null;
  emailed_at: Date | null;
  delivery_attempts: number;
}

interface Outcome {
  file?: boolean;
  email?: boolean;
  errors: string[];
}

/**
 * Delivers every stored checkpoint out of the database (worker processes): a file in AUDIT_CHECKPOINT_DIR and an
 * email to AUDIT_CHECKPOINT_EMAIL. Woken by NOTIFY when one is signed, polled as a backstop. A failed delivery is
 * logged at error level and tried again with a doubling back-off, for as long as it takes: never dropped.
 */
@Injectable()
export class CheckpointDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseLogCheckpoints');
  private readonly loop = new DrainLoop('checkpoint delivery', () => this.deliverBatch(), BATCH, this.logger);
  private listener?: PgListener;
  private readonly toFile: boolean;
  private readonly toEmail: boolean;

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
    private readonly directory: CheckpointDirectory,
    private readonly mailer: MailerService,
    private readonly signer: CheckpointSigner,
  ) {
    this.toFile = !!env.AUDIT_CHECKPOINT_DIR;
    this.toEmail = !!env.AUDIT_CHECKPOINT_EMAIL && mailer.enabled;
  }

  onApplicationBootstrap(): void {
    if (!this.toFile && !this.toEmail) {
      this.logger.warn('case log checkpoints are kept only in the database: set AUDIT_CHECKPOINT_DIR and/or AUDIT_CHECKPOINT_EMAIL to keep them where its administrators cannot rewrite them');
      return;
    }
    this.listener = listen(this.env.DATABASE_URL, CHECKPOINT_CHANNEL, () => this.loop.wake());
    this.loop.start(POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.close();
    await this.loop.stop();
  }

  /** Delivers everything due now (for tests and commands); errors reach the caller. */
  flush(): Promise<void> {
    return this.loop.flush();
  }

  private async deliverBatch(): Promise<number> {
    const leased = (await this.dataSource.query(
      `UPDATE case_log_checkpoints SET next_delivery_at = now() + interval '${LEASE}', delivery_attempts = delivery_attempts + 1
        WHERE id IN (SELECT id FROM case_log_checkpoints
                      WHERE (($1::boolean AND file_delivered_at IS NULL) OR ($2::boolean AND emailed_at IS NULL))
                        AND (next_delivery_at IS NULL OR next_delivery_at <= now())
                      ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING ${SIGNED_CHECKPOINT_COLUMNS}, file_delivered_at, emailed_at, delivery_attempts`,
      [this.toFile, this.toEmail],
    )) as [Leased[], number];
    const rows = leased[0].sort((a, b) => Number(a.id) - Number(b.id));
    if (!rows.length) return 0;
    const outcomes = new Map<string, Outcome>(rows.map((r) => [r.id, { errors: [] }]));
    const genuine: Array<{ row: Leased; checkpoint: SignedCheckpoint }> = [];
    for (const row of rows) {
      // What goes out is rebuilt from the signed fields and checked, never a stored note taken on trust.
      const opened = this.signer.open(claimOf(row));
      if (opened.valid) genuine.push({ row, checkpoint: opened.checkpoint });
      else outcomes.get(row.id)!.errors.push(`the stored checkpoint fails its signature (${opened.problem})`);
    }
    if (this.toFile) await this.deliverFiles(genuine.filter((g) => !g.row.file_delivered_at), outcomes);
    if (this.toEmail) await this.deliverEmail(genuine.filter((g) => !g.row.emailed_at), outcomes);
    for (const row of rows) await this.settle(row, outcomes.get(row.id)!);
    return rows.length;
  }

  private async deliverFiles(due: Array<{ row: Leased; checkpoint: SignedCheckpoint }>, outcomes: Map<string, Outcome>): Promise<void> {
    for (const { row, checkpoint } of due) {
      try {
        await this.directory.write(checkpoint);
        outcomes.get(row.id)!.file = true;
      } catch (error) {
        outcomes.get(row.id)!.errors.push(`file: ${(error as Error).message}`);
      }
    }
  }

  private async deliverEmail(due: Array<{ row: Leased; checkpoint: SignedCheckpoint }>, outcomes: Map<string, Outcome>): Promise<void> {
    if (!due.length) return;
    const email = checkpointEmail(this.env.AUDIT_CHECKPOINT_ORIGIN, due.map((d) => d.checkpoint));
    try {
      await this.mailer.send(this.env.AUDIT_CHECKPOINT_EMAIL!, email.subject, email.text, email.attachments);
      for (const { row } of due) outcomes.get(row.id)!.email = true;
    } catch (error) {
      for (const { row } of due) outcomes.get(row.id)!.errors.push(`email: ${(error as Error).message}`);
    }
  }

  private async settle(row: Leased, outcome: Outcome): Promise<void> {
    const fileDone = !this.toFile || !!row.file_delivered_at || !!outcome.file;
    const emailDone = !this.toEmail || !!row.emailed_at || !!outcome.email;
    const retryIn = fileDone && emailDone ? null : Math.min(this.env.AUDIT_CHECKPOINT_RETRY_SECONDS * 2 ** (row.delivery_attempts - 1), MAX_BACKOFF_SECONDS);
    await this.dataSource.query(
      `UPDATE case_log_checkpoints
          SET file_delivered_at = CASE WHEN $2 THEN now() ELSE file_delivered_at END,
              emailed_at = CASE WHEN $3 THEN now() ELSE emailed_at END,
              next_delivery_at = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(secs => $4::int) END,
              last_delivery_error = $5
        WHERE id = $1`,
      [row.id, !!outcome.file, !!outcome.email, retryIn, outcome.errors.join('; ') || null],
    );
    if (retryIn !== null) {
      this.logger.error(
        { alert: 'CASE_LOG_CHECKPOINT_UNDELIVERED', checkpointId: row.id, sequence: Number(row.sequence), attempts: row.delivery_attempts, retryInSeconds: retryIn, errors: outcome.errors },
        `CASE LOG CHECKPOINT NOT DELIVERED: checkpoint ${row.id} (event ${row.sequence}): ${outcome.errors.join('; ') || 'a channel is still waiting'}. It stays queued and is tried again in ${retryIn} s.`,
      );
    }
  }
}
