import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import type { DeadlineKind } from './deadline.entity.js';
import { dueDate } from './deadline-rules.js';

@Injectable()
export class DeadlinesService {
  constructor(private readonly env: Environment) {}

  /** Starts deadlines inside the caller's transaction; one of the same kind already running is kept. */
  async start(manager: EntityManager, complaintId: string, kinds: DeadlineKind[], startAt: Date): Promise<void> {
    if (!kinds.length) return;
    const dues = kinds.map((kind) => dueDate(kind, startAt, this.env));
    await manager.query(
      `INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
       SELECT gen_random_uuid(), $1, d.kind, $2, d.due_at, d.calculation
         FROM jsonb_to_recordset($3) AS d(kind text, due_at timestamptz, calculation jsonb)
       ON CONFLICT (complaint_id, kind) DO NOTHING`,
      [complaintId, startAt, JSON.stringify(dues.map((d) => ({ kind: d.kind, due_at: d.dueAt, calculation: d.calculation })))],
    );
    await this.refreshNextDue(manager, complaintId);
  }

  /** Marks deadlines met; returns the kinds that were open and are now met. */
  async meet(manager: EntityManager, complaintId: string, kinds: DeadlineKind[], at = new Date()): Promise<DeadlineKind[]> {
    if (!kinds.length) return [];
    const rows = (await manager.query(
      `UPDATE deadlines SET met_at = $3 WHERE complaint_id = $1 AND kind = ANY($2) AND met_at IS NULL RETURNING kind`,
      [complaintId, kinds, at],
    )) as Array<{ kind: DeadlineKind }>;
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
