import { Transform } from 'node:stream';
import type { StoredEvent } from './case-event-row.js';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of an export, in order (the contract's, plus prevHash so a row can be re-hashed on its own). */
export const EXPORT_COLUMNS = ['sequence', 'occurredAt', 'reference', 'actor', 'type', 'details', 'prevHash', 'hash'] as const;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
};

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
