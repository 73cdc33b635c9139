import { stringify } from 'csv-stringify';
import { Transform } from 'node:stream';
import { canonicalJson } from './canonical-json.js';
import type { StoredEvent } from './case-event-row.js';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of an export, in order (the contract's, plus prevHash so a row can be re-hashed on its own). */
export const EXPORT_COLUMNS = ['sequence', 'occurredAt', 'reference', 'actor', 'type', 'details', 'prevHash', 'hash'] as const;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
};

// A spreadsheet runs a cell beginning with these as a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet will show as text: a leading apostrophe before a formula-starting character. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Events (object mode) in, RFC 4180 CSV out: a header line, then one record an event, every text cell quoted and
 * neutralised. Details are canonical JSON, the very text that was hashed.
 */
export function csvEncoder(): Transform {
  return stringify({
    header: true,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
    quoted_string: true,
    cast: {
      string: (value) => neutraliseCell(value),
      object: (value) => neutraliseCell(canonicalJson(value)),
    },
  });
}

/** Events (object mode) in, JSON Lines out: one event a line, values exactly as stored (no neutralising). */
export function jsonLinesEncoder(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(event: StoredEvent, _encoding, done) {
      const { sequence, occurredAt, reference, actor, type, details, prevHash, hash } = event;
      done(null, `${JSON.stringify({ sequence, occurredAt, reference, actor, type, details, prevHash, hash })}\n`);
    },
  });
}

export const encoderFor = (format: ExportFormat): Transform => (format === 'csv' ? csvEncoder() : jsonLinesEncoder());
