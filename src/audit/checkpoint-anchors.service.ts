import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChainHead } from './chain-verifier.js';
import { CheckpointDirectory } from './checkpoint-directory.js';
import { claimOf, SIGNED_CHECKPOINT_COLUMNS, type SignedCheckpointRow } from './checkpoint-row.js';
import { CheckpointSigner, type OpenedCheckpoint } from './checkpoint-signer.service.js';

/** What the chain was compared with: signed checkpoints found good, and those refused. */
export interface CheckpointsCompared {
  /** Distinct checkpoints (sequence and hash) whose signature holds, from the database and the directory. */
  compared: number;
  /** Checkpoints whose signature fails or whose fields are not what was signed: someone altered or forged them. */
  badSignature: number;
  /** Checkpoints signed by a key this deployment does not list (an old key missing from AUDIT_PREVIOUS_PUBLIC_KEYS). */
  unknownKey: number;
}

export interface Anchors {
  heads: ChainHead[];
  summary: CheckpointsCompared;
}

const PAGE = 5000;

/**
 * The signed checkpoints the chain must still agree with: every one stored in the database and every one delivered
 * to AUDIT_CHECKPOINT_DIR (when this process can read it). All of them, not only the latest: a checkpoint signed
 * after a rewrite (say, once the stored ones were deleted) would agree with the rewritten chain, and only the older
 * ones still tell. A checkpoint whose signature fails is not used, and is reported loudly.
 */
@Injectable()
export class CheckpointAnchors {
  private readonly logger = new Logger('CaseLogCheckpoints');

  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    private readonly directory: CheckpointDirectory,
  ) {}

  async all(): Promise<Anchors> {
    const heads = new Map<string, ChainHead>();
    const summary: CheckpointsCompared = { compared: 0, badSignature: 0, unknownKey: 0 };
    const take = (opened: OpenedCheckpoint, where: string) => {
      if (opened.valid) heads.set(`${opened.body.sequence}:${opened.body.hash}`, { sequence: opened.body.sequence, hash: opened.body.hash });
      else this.refused(opened, where, summary);
    };
    for (let after = '0'; ; ) {
      const rows = (await this.dataSource.query(`SELECT ${SIGNED_CHECKPOINT_COLUMNS} FROM case_log_checkpoints WHERE id > $1 ORDER BY id LIMIT ${PAGE}`, [after])) as SignedCheckpointRow[];
      for (const row of rows) take(this.signer.open(claimOf(row)), `stored checkpoint ${row.id}`);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    for (const { file, note } of await this.delivered()) take(this.signer.openNote(note), `file ${file}`);
    summary.compared = heads.size;
    if (summary.unknownKey) {
      this.logger.warn({ unknownKey: summary.unknownKey }, `${summary.unknownKey} case log checkpoints are signed by keys this deployment does not list: add their public keys to AUDIT_PREVIOUS_PUBLIC_KEYS`);
    }
    return { heads: [...heads.values()], summary };
  }

  /** The latest checkpoint whose signature holds, stored or delivered: a new head must extend it before it is signed. */
  async latest(): Promise<ChainHead | null> {
    const rows = (await this.dataSource.query(`SELECT ${SIGNED_CHECKPOINT_COLUMNS} FROM case_log_checkpoints ORDER BY sequence DESC, id DESC LIMIT 20`)) as SignedCheckpointRow[];
    const candidates = [
      ...rows.map((row) => this.signer.open(claimOf(row))),
      ...(await this.delivered(20)).map(({ note }) => this.signer.openNote(note)),
    ];
    let latest: ChainHead | null = null;
    for (const opened of candidates) {
      if (opened.valid && (!latest || opened.body.sequence > latest.sequence)) latest = { sequence: opened.body.sequence, hash: opened.body.hash };
    }
    return latest;
  }

  /** The directory's checkpoints; one that cannot be read is reported loudly and the database's checkpoints still count. */
  private async delivered(limit?: number) {
    try {
      return await this.directory.read(limit);
    } catch (error) {
      this.logger.error({ alert: 'CASE_LOG_CHECKPOINT_DIR_UNREADABLE', err: (error as Error).message }, `the checkpoint directory cannot be read: ${(error as Error).message}`);
      return [];
    }
  }

  private refused(opened: Extract<OpenedCheckpoint, { valid: false }>, where: string, summary: CheckpointsCompared): void {
    if (opened.problem === 'unknown_key') {
      summary.unknownKey++; // reported once for all of them
      return;
    }
    summary.badSignature++;
    this.logger.error(
      { alert: 'CASE_LOG_CHECKPOINT_REJECTED', where, problem: opened.problem, sequence: opened.body?.sequence },
      `CASE LOG CHECKPOINT REJECTED: ${where} fails its signature (${opened.problem.replace('_', ' ')}). Someone altered or forged it.`,
    );
  }
}
