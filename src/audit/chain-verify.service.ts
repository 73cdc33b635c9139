import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_EVENT_COLUMNS, toStoredEvent, type CaseEventRow } from './case-event-row.js';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { ChainVerifier, type ChainHead, type VerifyResult } from './chain-verifier.js';
import { CheckpointAnchors, type CheckpointsCompared } from './checkpoint-anchors.service.js';
import type { CheckpointProblem, OpenedCheckpoint } from './checkpoint-signer.service.js';
import { GENESIS_HASH } from './event-hash.js';

/** Rows read per keyset page: memory stays flat whatever the size of the log. */
const PAGE_SIZE = 5000;
/** Below every sequence, so rows a superuser slipped in at 0 or below are seen (and reported as a gap). */
const BEFORE_EVERYTHING = '-9223372036854775808';

export interface VerifyOptions {
  /** A checkpoint given by the caller (its signature already checked), compared with the others. */
  checkpoint?: ChainHead;
  /** Called after each page with the events checked and the head sequence being verified up to. */
  onProgress?: (checked: number, upTo: number) => void;
}

export interface ChainVerification extends VerifyResult {
  checkpoints: CheckpointsCompared;
  /** With a given checkpoint: whether the chain reached it unbroken and still ends in its hash there. */
  checkpointMatches?: boolean;
}

/** The verdict on a checkpoint a caller brought: it matches the log, the log has changed since, or it is not genuine. */
export type CheckpointVerdict = 'consistent' | 'inconsistent' | 'bad_signature';

export interface CheckpointVerification extends ChainVerification {
  checkpoint: CheckpointVerdict;
  /** Why a checkpoint was refused as bad_signature. */
  checkpointProblem: CheckpointProblem | null;
}

/**
 * Walks the case log in keyset pages up to the head seen at the start (later appends only extend the chain, so the
 * answer is about one consistent prefix) and checks every link with the same serialisation the appender hashed,
 * and every signed checkpoint held in the database or delivered to the checkpoint directory.
 */
@Injectable()
export class ChainVerifyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chainer: CaseLogChainer,
    private readonly anchors: CheckpointAnchors,
  ) {}

  async head(): Promise<ChainHead | null> {
    const [head] = (await this.dataSource.query('SELECT sequence, hash FROM case_events ORDER BY sequence DESC LIMIT 1')) as Array<{ sequence: string; hash: string }>;
    return head ? { sequence: Number(head.sequence), hash: head.hash } : null;
  }

  /** The head after chaining everything committed so far; the empty log's is sequence 0 and the genesis hash. */
  async currentHead(): Promise<ChainHead> {
    await this.chainer.flush();
    return (await this.head()) ?? { sequence: 0, hash: GENESIS_HASH };
  }

  async verify(options: VerifyOptions = {}): Promise<ChainVerification> {
    const { heads, summary } = await this.anchors.all();
    const given = options.checkpoint;
    const verifier = new ChainVerifier(given ? [...heads, given] : heads);
    const upTo = (await this.currentHead()).sequence; // verify what has been committed, not what happened to be chained
    let checked = 0;
    await this.walk(BEFORE_EVERYTHING, upTo, (rows) => {
      for (const row of rows) verifier.check(toStoredEvent(row));
      checked += rows.length;
      options.onProgress?.(checked, upTo);
    });
    const result = verifier.result();
    return { ...result, checkpoints: summary, ...(given ? { checkpointMatches: verifier.matches(given) } : {}) };
  }

  /**
   * Verifies the log against a checkpoint brought from outside (already opened by the signer). `ok` is true only when
   * the chain holds and the checkpoint is genuine and matched: a checkpoint that fails its signature proves nothing.
   */
  async verifyAgainst(opened: OpenedCheckpoint, onProgress?: VerifyOptions['onProgress']): Promise<CheckpointVerification> {
    const result = await this.verify({ checkpoint: opened.valid ? { sequence: opened.body.sequence, hash: opened.body.hash } : undefined, onProgress });
    const { checkpointMatches, ...rest } = result;
    const checkpoint: CheckpointVerdict = !opened.valid ? 'bad_signature' : checkpointMatches ? 'consistent' : 'inconsistent';
    return { ...rest, ok: result.ok && checkpoint === 'consistent', checkpoint, checkpointProblem: opened.valid ? null : opened.problem };
  }

  /**
   * Whether `to` extends `from`: the event at from.sequence still has from's hash, and every event after it up to
   * `to` links and hashes correctly and ends in to's hash. Reads only the events in between.
   */
  async extendsFrom(from: ChainHead, to: ChainHead): Promise<boolean> {
    if (to.sequence < from.sequence) return false;
    if (from.sequence > 0) {
      const [at] = (await this.dataSource.query('SELECT hash FROM case_events WHERE sequence = $1', [from.sequence])) as Array<{ hash: string }>;
      if (at?.hash !== from.hash) return false;
    } else if (from.hash !== GENESIS_HASH) return false;
    const verifier = new ChainVerifier([to], from);
    await this.walk(String(from.sequence), to.sequence, (rows) => rows.forEach((row) => verifier.check(toStoredEvent(row))));
    return verifier.result().ok && verifier.matches(to);
  }

  private async walk(after: string, upTo: number, onPage: (rows: CaseEventRow[]) => void): Promise<void> {
    let from = after;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT ${CASE_EVENT_COLUMNS} FROM case_events WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT ${PAGE_SIZE}`,
        [from, upTo],
      )) as CaseEventRow[];
      onPage(rows);
      if (rows.length < PAGE_SIZE) return;
      from = rows[rows.length - 1].sequence;
    }
  }
}
