import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import type { Category } from '../complaints/complaint-categories.js';
import { CATEGORY_CHANGED, DeadlinesService } from '../deadlines/deadlines.service.js';
import { lockCase, type LockedCase } from './case-lock.js';
import { affected, ERASED, type Queryable } from '../common/erased.js';

export interface OverrideResult {
  overrideId: string;
  state: 'applied' | 'pending' | 'rejected';
  category: Category | null;
}

/**
 * An officer's change of category, kept beside the triage's. Taking a case off the criminal route waits for a
 * second officer: a missed IOPC referral is the worst failure, so one person alone may not make it.
 */
@Injectable()
export class OverridesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly deadlines: DeadlinesService,
  ) {}

  async request(reference: string, category: Category, reason: string, staff: StaffUser): Promise<OverrideResult> {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      if (found.status === 'received') throw new DomainError('CASE.AWAITING_TRIAGE', 'The case is still awaiting triage', 409);
      if (found.category === category) throw new DomainError('CASE.SAME_CATEGORY', `The case is already ${category}`, 409);
      await manager.query(`UPDATE classification_overrides SET state = 'superseded' WHERE complaint_id = $1 AND state = 'pending'`, [found.id]);
      const overrideId = randomUUID();
      const downgrade = found.category === 'criminal';
      const [run] = (await manager.query(
        `SELECT ruleset_version FROM triage_runs WHERE complaint_id = $1 ORDER BY completed_at DESC LIMIT 1`,
        [found.id],
      )) as Array<{ ruleset_version: string }>;
      await manager.query(
        `INSERT INTO classification_overrides (id, complaint_id, from_category, to_category, triage_category, ruleset_version, reason, state, requested_by, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
        [overrideId, found.id, found.category, category, found.triageCategory, run?.ruleset_version ?? null, reason, downgrade ? 'pending' : 'applied', staff.id],
      );
      const details = { complaintId: found.id, overrideId, from: found.category, to: category, triageCategory: found.triageCategory, rulesetVersion: run?.ruleset_version ?? null, reasonHmac: await this.textKeys.hash(manager, found.id, reason) };
      if (downgrade) {
        await this.caseLog.append(manager, { reference, actor: actorOf(staff), type: 'case.override_requested', details });
        return { overrideId, state: 'pending', category: found.category };
      }
      await this.apply(manager, found, category);
      await this.caseLog.append(manager, { reference, actor: actorOf(staff), type: 'case.category_overridden', details });
      return { overrideId, state: 'applied', category };
    });
  }

  /** A second officer confirms or rejects a pending downgrade of a criminal case. */
  async decide(reference: string, confirm: boolean, reason: string, staff: StaffUser): Promise<OverrideResult> {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      const [pending] = (await manager.query(
        `SELECT id, to_category, requested_by FROM classification_overrides WHERE complaint_id = $1 AND state = 'pending'`,
        [found.id],
      )) as Array<{ id: string; to_category: Category; requested_by: string }>;
      if (!pending) throw new DomainError('CASE.NO_PENDING_OVERRIDE', 'No change of category is waiting for confirmation', 409);
      if (pending.requested_by === staff.id) {
        throw new DomainError('CASE.SAME_OFFICER', 'A second officer, not the one who asked, must confirm taking a case off the criminal route', 403);
      }
      await manager.query(`UPDATE classification_overrides SET state = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [
        pending.id,
        confirm ? 'applied' : 'rejected',
        staff.id,
      ]);
      if (confirm) await this.apply(manager, found, pending.to_category);
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: confirm ? 'case.category_overridden' : 'case.override_rejected',
        details: { complaintId: found.id, overrideId: pending.id, from: found.category, to: pending.to_category, confirmedBy: staff.id, reasonHmac: await this.textKeys.hash(manager, found.id, reason) },
      });
      return { overrideId: pending.id, state: confirm ? 'applied' : 'rejected', category: confirm ? pending.to_category : found.category };
    });
  }

  private async apply(manager: EntityManager, found: LockedCase, category: Category): Promise<void> {
    await manager.query(`UPDATE complaints SET override_category = $2, category = $2, updated_at = now() WHERE id = $1`, [found.id, category]);
    if (category === 'criminal') await this.deadlines.start(manager, found.id, ['iopc_referral'], new Date());
    else if (found.category === 'criminal') await this.deadlines.meet(manager, found.id, ['iopc_referral'], CATEGORY_CHANGED);
  }

  /** Erasure: the reasons given for changes of category become the marker; the changes themselves stay. */
  async eraseReasons(db: Queryable, complaintId: string): Promise<number> {
    return affected(await db.query(`UPDATE classification_overrides SET reason = $2 WHERE complaint_id = $1 AND reason <> $2`, [complaintId, ERASED]));
  }
}
