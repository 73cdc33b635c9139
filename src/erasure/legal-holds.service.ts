import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { lockCase } from '../cases/case-lock.js';
import { DomainError } from '../common/domain-error.js';
import type { Queryable } from '../common/erased.js';

export interface LegalHoldView {
  reference: string;
  reason: string;
  placedBy: string;
  placedAt: string;
}

/** Legal holds: a held case is never erased, by the retention job or by hand, until the hold is released. */
@Injectable()
export class LegalHoldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
  ) {}

  async place(reference: string, reason: string, staff: StaffUser): Promise<LegalHoldView> {
    await this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      const [inserted] = (await manager.query(
        `INSERT INTO legal_holds (complaint_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, now()) ON CONFLICT (complaint_id) DO NOTHING RETURNING complaint_id`,
        [found.id, reason, staff.id],
      )) as unknown[];
      if (!inserted) throw new DomainError('CASE.ALREADY_HELD', 'This case is already under a legal hold', 409);
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'case.legal_hold_placed',
        details: { complaintId: found.id, reasonHmac: await this.textKeys.hash(manager, found.id, reason) },
      });
    });
    return (await this.forCase(reference))!;
  }

  async release(reference: string, reason: string, staff: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      const [, deleted] = (await manager.query(`DELETE FROM legal_holds WHERE complaint_id = $1`, [found.id])) as [unknown, number];
      if (!deleted) throw new DomainError('CASE.NOT_HELD', 'This case is not under a legal hold', 409);
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'case.legal_hold_released',
        details: { complaintId: found.id, reasonHmac: await this.textKeys.hash(manager, found.id, reason) },
      });
    });
  }

  /** The held ones among these complaints. Inside an erasure, after the cases are locked, so no hold slips in between. */
  async held(db: Queryable, complaintIds: readonly string[]): Promise<string[]> {
    const rows = (await db.query(`SELECT complaint_id FROM legal_holds WHERE complaint_id = ANY($1::uuid[])`, [complaintIds])) as Array<{ complaint_id: string }>;
    return rows.map((r) => r.complaint_id);
  }

  async forCase(reference: string): Promise<LegalHoldView | null> {
    return (await this.list(reference))[0] ?? null;
  }

  /** Every case under a hold (or the one case named), the longest held first. */
  async list(reference?: string): Promise<LegalHoldView[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.reference, h.reason, u.email, h.placed_at FROM legal_holds h JOIN complaints c ON c.id = h.complaint_id JOIN users u ON u.id = h.placed_by
        WHERE $1::text IS NULL OR c.reference = $1 ORDER BY h.placed_at`,
      [reference ?? null],
    )) as Array<{ reference: string; reason: string; email: string; placed_at: Date }>;
    return rows.map((r) => ({ reference: r.reference, reason: r.reason, placedBy: r.email, placedAt: r.placed_at.toISOString() }));
  }
}
