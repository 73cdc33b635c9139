import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventHash, GENESIS_HASH } from './event-hash.js';

/** Serialises appends so the chain can never fork and sequences have no gaps. Held only until the transaction ends. */
const CHAIN_LOCK = 7_215_405;

export type Actor = 'complainant' | 'system' | 'worker' | `user:${string}`;

export interface NewCaseEvent {
  reference: string | null;
  actor: Actor;
  type: string;
  /** Never personal data: refer to people by id. */
  details: Record<string, unknown>;
}

@Injectable()
export class CaseLogService {
  /**
   * Appends to the hash-chained case log inside the caller's transaction. Call it last in the transaction:
   * the chain lock is held from here until commit.
   */
  async append(manager: EntityManager, event: NewCaseEvent): Promise<number> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('case events are appended inside a transaction');
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [head] = (await manager.query('SELECT sequence, hash FROM case_events ORDER BY sequence DESC LIMIT 1')) as Array<{
      sequence: string;
      hash: string;
    }>;
    const sequence = head ? Number(head.sequence) + 1 : 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const occurredAt = new Date().toISOString();
    // Hash what jsonb will give back to a verifier (a Date becomes its ISO string, undefined disappears), not the live object.
    const details = JSON.parse(JSON.stringify(event.details)) as Record<string, unknown>;
    const hash = eventHash(prevHash, { sequence, occurredAt, reference: event.reference, actor: event.actor, type: event.type, details });
    await manager.query(
      `INSERT INTO case_events (sequence, occurred_at, reference, actor, type, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [sequence, occurredAt, event.reference, event.actor, event.type, details, prevHash, hash],
    );
    return sequence;
  }
}
