import type { DataSource } from 'typeorm';
import { CASE_EVENT_COLUMNS, toStoredEvent, type CaseEventRow } from '../../src/audit/case-event-row.js';
import type { CaseLogChainer } from '../../src/audit/case-log-chainer.service.js';
import { CaseLogService, type NewCaseEvent } from '../../src/audit/case-log.service.js';
import { eventHash, GENESIS_HASH } from '../../src/audit/event-hash.js';

/** Appends one event in its own transaction, as a feature of the application would. */
export function appendEvent(db: DataSource, caseLog: CaseLogService, event: Partial<NewCaseEvent> = {}): Promise<void> {
  return db.transaction((manager) =>
    caseLog.append(manager, { reference: null, actor: 'system', type: 'test.event', details: {}, ...event }),
  );
}

/** Appends one event and waits until it is chained; returns its sequence. */
export async function appendChained(db: DataSource, caseLog: CaseLogService, chainer: CaseLogChainer, event: Partial<NewCaseEvent> = {}): Promise<number> {
  await appendEvent(db, caseLog, event);
  await chainer.flush();
  const [{ sequence }] = (await db.query('SELECT max(sequence) AS sequence FROM case_events')) as Array<{ sequence: string }>;
  return Number(sequence);
}

/**
 * Runs SQL with the append-only trigger off, as a superuser (or the table's owner) tampering behind the application's
 * back would, then turns it on again as it was (firing whatever the replication role).
 */
export async function asTamperingSuperuser(db: DataSource, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query('ALTER TABLE case_events DISABLE TRIGGER USER');
    await manager.query(sql, params);
    await manager.query('ALTER TABLE case_events ENABLE ALWAYS TRIGGER case_events_append_only');
  });
}

/**
 * The rewrite a superuser can do unseen by the chain alone: change one event's details, then recompute its hash and
 * every later event's prev_hash and hash, so the chain links and verifies again.
 */
export async function rewriteAsSuperuser(db: DataSource, sequence: number, details: Record<string, unknown>): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query('ALTER TABLE case_events DISABLE TRIGGER USER');
    const [before] = (await manager.query('SELECT hash FROM case_events WHERE sequence = $1', [sequence - 1])) as Array<{ hash: string }>;
    let prevHash = before?.hash ?? GENESIS_HASH;
    const rows = (await manager.query(`SELECT ${CASE_EVENT_COLUMNS} FROM case_events WHERE sequence >= $1 ORDER BY sequence`, [sequence])) as CaseEventRow[];
    for (const row of rows) {
      const event = toStoredEvent(row);
      const fields = event.sequence === sequence ? { ...event, details } : event;
      const hash = eventHash(prevHash, fields);
      await manager.query('UPDATE case_events SET details = $2, prev_hash = $3, hash = $4 WHERE sequence = $1', [event.sequence, JSON.stringify(fields.details), prevHash, hash]);
      prevHash = hash;
    }
    await manager.query('ALTER TABLE case_events ENABLE ALWAYS TRIGGER case_events_append_only');
  });
}

/** And what a thorough one would add: every checkpoint stored in the database deleted. */
export async function deleteStoredCheckpointsAsSuperuser(db: DataSource): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query('ALTER TABLE case_log_checkpoints DISABLE TRIGGER USER');
    await manager.query('DELETE FROM case_log_checkpoints');
    for (const trigger of ['case_log_checkpoints_signed_rows', 'case_log_checkpoints_no_truncate']) {
      await manager.query(`ALTER TABLE case_log_checkpoints ENABLE ALWAYS TRIGGER ${trigger}`);
    }
  });
}

export async function sequences(db: DataSource): Promise<number[]> {
  return ((await db.query('SELECT sequence FROM case_events ORDER BY sequence')) as Array<{ sequence: string }>).map((r) => Number(r.sequence));
}
