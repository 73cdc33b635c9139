import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { CheckpointOccasion } from './case-log-checkpoint.entity.js';
import type { ChainHead } from './chain-verifier.js';
import { ChainVerifyService } from './chain-verify.service.js';
import { CheckpointAnchors } from './checkpoint-anchors.service.js';
import { claimOf, SIGNED_CHECKPOINT_COLUMNS, type SignedCheckpointRow } from './checkpoint-row.js';
import { CheckpointSigner, type SignedCheckpoint } from './checkpoint-signer.service.js';
import { GENESIS_HASH } from './event-hash.js';

/** The Postgres channel that wakes the workers' delivery of new checkpoints. */
export const CHECKPOINT_CHANNEL = 'case_log_checkpoint';

export interface StoredCheckpoint extends SignedCheckpoint {
  id: string;
  occasion: CheckpointOccasion;
  /** Signed with the published development key: proves nothing. */
  development: boolean;
  fileDeliveredAt: Date | null;
  emailedAt: Date | null;
}

interface CheckpointRow extends SignedCheckpointRow {
  occasion: CheckpointOccasion;
  file_delivered_at: Date | null;
  emailed_at: Date | null;
}

const COLUMNS = `${SIGNED_CHECKPOINT_COLUMNS}, occasion, file_delivered_at, emailed_at`;

/**
 * Signs checkpoints of the chain head and keeps them. A head is signed only when it extends the latest checkpoint
 * already signed (stored or delivered), so a checkpoint never vouches for a log rewritten since the one before.
 * One head signed by one key is one checkpoint: asking again returns the same one.
 */
@Injectable()
export class CheckpointsService {
  private readonly logger = new Logger('CaseLogCheckpoints');

  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    private readonly verifier: ChainVerifyService,
    private readonly anchors: CheckpointAnchors,
  ) {}

  /** A checkpoint of `head` (by default the head now, after chaining every committed event). */
  async issue(occasion: CheckpointOccasion, head?: ChainHead): Promise<StoredCheckpoint> {
    const at = head ?? (await this.verifier.currentHead());
    const existing = await this.findByHead(at);
    if (existing) return existing;
    const latest = (await this.anchors.latest()) ?? { sequence: 0, hash: GENESIS_HASH };
    const agrees = latest.sequence <= at.sequence ? await this.verifier.extendsFrom(latest, at) : await this.verifier.extendsFrom(at, latest);
    if (!agrees) {
      const since = latest.sequence ? `its last checkpoint (event ${latest.sequence})` : 'its first event';
      this.logger.error(
        { alert: 'CASE_LOG_CHAIN_BROKEN', head: at, latestCheckpoint: latest },
        `CASE LOG TAMPERING SUSPECTED: the chain does not hold from ${since} to event ${at.sequence}, so it was not signed. Preserve the database and tell the monitoring officer.`,
      );
      throw new DomainError('CHECKPOINT.LOG_CHANGED', `The case log does not hold from ${since} to event ${at.sequence}, so it was not signed. Verify the log.`, 409);
    }
    const c = this.signer.sign(at);
    await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO case_log_checkpoints (sequence, hash, issued_at, key_id, signature, text, note, occasion)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key_id, sequence, hash) DO NOTHING RETURNING id)
       SELECT pg_notify($9, '') FROM inserted`,
      [c.sequence, c.hash, c.issuedAt, c.keyId, c.signature, c.text, c.note, occasion, CHECKPOINT_CHANNEL],
    );
    return (await this.findByHead(at))!;
  }

  async find(id: string): Promise<StoredCheckpoint> {
    const [row] = /^\d{1,18}$/.test(id) ? ((await this.dataSource.query(`SELECT ${COLUMNS} FROM case_log_checkpoints WHERE id = $1`, [id])) as CheckpointRow[]) : [];
    if (!row) throw new DomainError('CHECKPOINT.NOT_FOUND', 'No checkpoint has that id', 404);
    return this.checked(row);
  }

  /** The latest checkpoint held, by sequence; null before the first. */
  async latest(): Promise<StoredCheckpoint | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM case_log_checkpoints ORDER BY sequence DESC, id DESC LIMIT 1`)) as CheckpointRow[];
    return row ? this.checked(row) : null;
  }

  /** Checkpoints by id, for the exports table; ids not found or failing their signature are left out. */
  async byIds(ids: string[]): Promise<Map<string, StoredCheckpoint>> {
    const wanted = ids.filter((id) => /^\d{1,18}$/.test(id));
    if (!wanted.length) return new Map();
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM case_log_checkpoints WHERE id = ANY($1::bigint[])`, [wanted])) as CheckpointRow[];
    const found = new Map<string, StoredCheckpoint>();
    for (const row of rows) {
      const opened = this.signer.open(claimOf(row));
      if (opened.valid) found.set(row.id, toStored(row, opened.checkpoint, opened.key.development));
    }
    return found;
  }

  private async findByHead(head: ChainHead): Promise<StoredCheckpoint | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM case_log_checkpoints WHERE key_id = $1 AND sequence = $2 AND hash = $3`, [
      this.signer.keys.current.keyId,
      head.sequence,
      head.hash,
    ])) as CheckpointRow[];
    return row ? this.checked(row) : null;
  }

  /** A stored checkpoint is handed out only when its signature still holds. */
  private checked(row: CheckpointRow): StoredCheckpoint {
    const opened = this.signer.open(claimOf(row));
    if (!opened.valid) {
      this.logger.error({ alert: 'CASE_LOG_CHECKPOINT_REJECTED', id: row.id, problem: opened.problem }, `CASE LOG CHECKPOINT REJECTED: stored checkpoint ${row.id} fails its signature (${opened.problem}).`);
      throw new DomainError('CHECKPOINT.SIGNATURE_FAILS', `Checkpoint ${row.id} as stored fails its signature: it has been altered`, 409);
    }
    return toStored(row, opened.checkpoint, opened.key.development);
  }
}

function toStored(row: CheckpointRow, signed: SignedCheckpoint, development: boolean): StoredCheckpoint {
  return { id: row.id, ...signed, occasion: row.occasion, development, fileDeliveredAt: row.file_delivered_at, emailedAt: row.emailed_at };
}
