import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import type { DeadlineKind } from './deadline.entity.js';
import { dueDate, type DueDate } from './deadline-rules.js';

/** What stops a deadline that no longer applies after an officer changes the category. */
export const CATEGORY_CHANGED = 'category changed';

@Injectable()
export class DeadlinesService {
  constructor(private readonly env: Environment) {}

  /** The due dates of deadlines that would start at `startAt`, for a caller that writes them itself. */
  plan(kinds: readonly DeadlineKind[], startAt: Date): DueDate[] {
    return kinds.map((kind) => dueDate(kind, startAt, this.env));
  }

  /**
   * Starts deadlines inside the caller's transaction. One of the same kind already running, or met, is kept; one
   * stopped by a change of category starts again (a case downgraded and then found criminal after all).
   */
  async start(manager: EntityManager, complaintId: string, kinds: readonly DeadlineKind[], startAt: Date): Promise<void> {
    if (!kinds.length) return;
    const dues = this.plan(kinds, startAt);
    await manager.query(
      `INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
       SELECT gen_random_uuid(), $1, d.kind, $2, d.due_at, d.calculation
         FROM jsonb_to_recordset($3) AS d(kind text, due_at timestamptz, calculation jsonb)
       ON CONFLICT (complaint_id, kind) DO UPDATE
         SET start_at = EXCLUDED.start_at, due_at = EXCLUDED.due_at, calculation = EXCLUDED.calculation, met_at = NULL, met_by = NULL
         WHERE deadlines.met_by = '${CATEGORY_CHANGED}'`,
      [complaintId, startAt, JSON.stringify(dues.map((d) => ({ kind: d.kind, due_at: d.dueAt, calculation: d.calculation })))],
    );
    await this.refreshNextDue(manager, complaintId);
  }

  /** Marks open deadlines met (or stopped) by `metBy`; returns the kinds that were open and are now met. */
  async meet(manager: EntityManager, complaintId: string, kinds: readonly DeadlineKind[] | 'all', metBy: string, at = new Date()): Promise<DeadlineKind[]> {
    if (kinds !== 'all' && !kinds.length) return [];
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const [rows] = (await manager.query(
      `UPDATE deadlines SET met_at = $3, met_by = $4
        WHERE complaint_id = $1 AND met_at IS NULL AND ($2::text[] IS NULL OR kind = ANY($2)) RETURNING kind`,
      [complaintId, kinds === 'all' ? null : kinds, at, metBy],
    )) as [Array<{ kind: DeadlineKind }>, number];
    if (rows.length) await this.refreshNextDue(manager, complaintId);
    return rows.map((r) => r.kind);
  }

  private async refreshNextDue(manager: EntityManager, complaintId: string): Promise<void> {
    await manager.query(
      `UPDATE complaints SET next_due_at = (SELECT min(due_at) FROM deadlines WHERE complaint_id = $1 AND met_at IS NULL) WHERE id = $1`,
      [complaintId],
    );
  }
}
