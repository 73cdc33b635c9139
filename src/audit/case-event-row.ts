import type { ChainedFields } from './event-hash.js';

/** The columns of case_events as node-postgres returns them (bigint as text, timestamptz as Date, jsonb parsed). */
export interface CaseEventRow {
  sequence: string;
  occurred_at: Date;
  reference: string | null;
  actor: string;
  type: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export const CASE_EVENT_COLUMNS = 'sequence, occurred_at, reference, actor, type, details, prev_hash, hash';

/** An event as it was hashed, with its stored hashes. */
export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

/** The same field values the appender hashed: occurredAt as an ISO string with milliseconds. */
export function toStoredEvent(row: CaseEventRow): StoredEvent {
  return {
    sequence: Number(row.sequence),
    occurredAt: row.occurred_at.toISOString(),
    reference: row.reference,
    actor: row.actor,
    type: row.type,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
