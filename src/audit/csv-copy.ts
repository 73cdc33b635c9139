import pg from 'pg';
import { Transform } from 'node:stream';
import { EXPORT_COLUMNS } from './export-format.js';

// The same rule as neutraliseCell, in SQL: a cell a spreadsheet would run as a formula gets a leading apostrophe.
const neutralised = (expression: string) => `CASE WHEN ${expression} ~ '^[=+\\-@\\t\\r]' THEN '''' || ${expression} ELSE ${expression} END`;

/** The export's columns as COPY computes them: occurredAt to the millisecond in UTC, text cells neutralised. */
const SELECT_LIST = [
  'sequence',
  `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  neutralised('reference'),
  neutralised('actor'),
  neutralised('type'),
  neutralised('details::text'),
  'prev_hash',
  'hash',
].map((expression, i) => `${expression} AS "${EXPORT_COLUMNS[i]}"`);

/** COPY takes no bind parameters, so the filters' values go in as escaped literals (numbers, instants, text). */
function inline(where: string, params: unknown[]): string {
  return where.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (value instanceof Date) return `${pg.escapeLiteral(value.toISOString())}::timestamptz`;
    return pg.escapeLiteral(String(value));
  });
}

/**
 * The whole CSV made by Postgres itself (COPY ... TO STDOUT): RFC 4180 quoting of every value, a header line, and
 * nothing for Node to do but pass bytes on, so an export runs at close to the speed of psql's \copy.
 */
export function csvCopySql(where: string, params: unknown[]): string {
  return `COPY (SELECT ${SELECT_LIST.join(', ')} FROM case_events WHERE ${inline(where, params)} ORDER BY sequence)
          TO STDOUT WITH (FORMAT csv, HEADER, FORCE_QUOTE *)`;
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Passes CSV through unchanged, counting its records: line feeds outside quotes (an escaped quote "" toggles twice,
 * so the count stays right across any chunk boundary). `records` excludes the header.
 */
export class CsvRecordCounter extends Transform {
  private lines = 0;
  private quoted = false;

  get records(): number {
    return Math.max(0, this.lines - 1);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    let at = 0;
    while (at < chunk.length) {
      const quote = chunk.indexOf(QUOTE, at);
      if (this.quoted) {
        if (quote === -1) break;
        this.quoted = false;
        at = quote + 1;
        continue;
      }
      const end = quote === -1 ? chunk.length : quote;
      for (let lf = chunk.indexOf(LINE_FEED, at); lf !== -1 && lf < end; lf = chunk.indexOf(LINE_FEED, lf + 1)) this.lines++;
      if (quote === -1) break;
      this.quoted = true;
      at = quote + 1;
    }
    done(null, chunk);
  }
}
