import type { DataSource } from 'typeorm';
import type { CaseLogChainer } from '../../src/audit/case-log-chainer.service.js';
import { CaseLogService, type NewCaseEvent } from '../../src/audit/case-log.service.js';

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

/** Runs SQL with the append-only trigger off, as a superuser tampering behind the application's back would. */
export async function asTamperingSuperuser(db: DataSource, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query('ALTER TABLE case_events DISABLE TRIGGER USER');
    await manager.query(sql, params);
    await manager.query('ALTER TABLE case_events ENABLE TRIGGER USER');
  });
}

export async function sequences(db: DataSource): Promise<number[]> {
  return ((await db.query('SELECT sequence FROM case_events ORDER BY sequence')) as Array<{ sequence: string }>).map((r) => Number(r.sequence));
}
