import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type Actor = 'complainant' | 'system' | 'worker' | `user:${string}`;

export interface NewCaseEvent {
  reference: string | null;
  actor: Actor;
  type: string;
  /** Never personal data: refer to people by id, and to free text by its SHA-256. */
  details: Record<string, unknown>;
}

/** The Postgres channel that wakes the chainer when events are waiting. */
export const CASE_LOG_CHANNEL = 'case_log';

/** The columns and values of a waiting event, for a caller that writes it in a statement of its own. */
export function queuedEventRow(event: NewCaseEvent): [Date, string | null, string, string, string] {
  return [new Date(), event.reference, event.actor, event.type, JSON.stringify(event.details)];
}

export const QUEUE_INSERT = `INSERT INTO case_event_queue (occurred_at, reference, actor, type, details)`;

@Injectable()
export class CaseLogService {
  /**
   * Records an event in the caller's transaction, so it exists exactly when the change it describes does. It joins the
   * hash chain moments later (CaseLogChainer), without the caller ever waiting on other writers.
   */
  async append(manager: EntityManager, event: NewCaseEvent): Promise<void> {
    await manager.query(`WITH queued AS (${QUEUE_INSERT} VALUES ($1, $2, $3, $4, $5)) SELECT pg_notify($6, '')`, [
      ...queuedEventRow(event),
      CASE_LOG_CHANNEL,
    ]);
  }
}
