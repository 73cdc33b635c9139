import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_EVENT_COLUMNS, toStoredEvent, type CaseEventRow } from './case-event-row.js';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { ChainVerifier, type ChainHead, type VerifyResult } from './chain-verifier.js';

/** Rows read per keyset page: memory stays flat whatever the size of the log. */
const PAGE_SIZE = 5000;
const BEFORE_EVERYTHING = '-9223372036854775808';

export interface VerifyOptions {
  /** A head seen earlier, which must still be in the chain. */
  anchor?: ChainHead;
  /** Called after each page with the events checked and the head sequence being verified up to. */
  onProgress?: (checked: number, upTo: number) => void;
}

/**
 * Walks the case log in keyset pages up to the head seen at the start (later appends only extend the chain, so the
 * answer is about one consistent prefix) and checks every link with the same serialisation the appender hashed.
 */
@Injectable()
export class ChainVerifyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chainer: CaseLogChainer,
  ) {}

  async head(): Promise<ChainHead | null> {
    const [head] = (await this.dataSource.query('SELECT sequence, hash FROM case_events ORDER BY sequence DESC LIMIT 1')) as Array<{ sequence: string; hash: string }>;
    return head ? { sequence: Number(head.sequence), hash: head.hash } : null;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    await this.chainer.flush(); // verify what has been committed, not what happened to be chained
    const upTo = (await this.head())?.sequence ?? 0;
    const verifier = new ChainVerifier(options.anchor);
    let after = BEFORE_EVERYTHING;
    let checked = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT ${CASE_EVENT_COLUMNS} FROM case_events WHERE sequence > $1 AND sequence <= $2 ORDER BY sequence LIMIT ${PAGE_SIZE}`,
        [after, upTo],
      )) as CaseEventRow[];
      for (const row of rows) verifier.check(toStoredEvent(row));
      checked += rows.length;
      options.onProgress?.(checked, upTo);
      if (rows.length < PAGE_SIZE) break;
      after = rows[rows.length - 1].sequence;
    }
    return verifier.result();
  }
}
