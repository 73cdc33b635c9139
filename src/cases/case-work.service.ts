import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { CaseTextKeys } from '../audit/case-text-keys.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { checkMove, type OutcomeKind } from './case-lifecycle.js';
import { lockCase } from './case-lock.js';
import { affected, ERASED, type Queryable } from '../common/erased.js';

export interface OutcomeRecorded {
  reference: string;
  status: string;
  kind: OutcomeKind;
  deadlinesMet: string[];
}

/** Officers' moves on a case: outcomes and lifecycle steps, and assignment. */
@Injectable()
export class CaseWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseLog: CaseLogService,
    private readonly textKeys: CaseTextKeys,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** Records an outcome if the lifecycle allows it in the case's state and category; otherwise 409 and no change. */
  async recordOutcome(reference: string, kind: OutcomeKind, notes: string, staff: StaffUser): Promise<OutcomeRecorded> {
    return this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      const check = checkMove(kind, found.status, found.category);
      if (!check.allowed) throw new DomainError('CASE.INVALID_TRANSITION', `Cannot record ${kind}: ${check.why}`, 409);
      const { move } = check;
      const toStatus = move.to ?? found.status;
      const now = new Date();
      const deadlinesMet = await this.deadlines.meet(manager, found.id, move.meets, kind, now);
      if (kind === 'acknowledged' && !deadlinesMet.length) {
        throw new DomainError('CASE.INVALID_TRANSITION', 'The complaint has already been acknowledged', 409);
      }
      if (move.starts?.length) await this.deadlines.start(manager, found.id, move.starts, now);
      const actionId = randomUUID();
      await manager.query(
        `INSERT INTO case_actions (id, complaint_id, kind, notes, from_status, to_status, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [actionId, found.id, kind, notes, found.status, toStatus, staff.id, now],
      );
      if (toStatus !== found.status) {
        await manager.query(`UPDATE complaints SET status = $2, updated_at = $3 WHERE id = $1`, [found.id, toStatus, now]);
      }
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'case.outcome_recorded',
        details: { complaintId: found.id, actionId, kind, fromStatus: found.status, toStatus, category: found.category, deadlinesMet, notesHmac: await this.textKeys.hash(manager, found.id, notes) },
      });
      return { reference, status: toStatus, kind, deadlinesMet };
    });
  }

  /** Gives the case to an officer (or to nobody). */
  async assign(reference: string, assigneeId: string | null, staff: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await lockCase(manager, reference);
      if (assigneeId) {
        const [user] = (await manager.query(`SELECT role FROM users WHERE id = $1`, [assigneeId])) as Array<{ role: string }>;
        if (!user) throw new DomainError('CASE.UNKNOWN_ASSIGNEE', 'assigneeId must be the id of a member of staff', 400);
        if (user.role === 'auditor') throw new DomainError('CASE.BAD_ASSIGNEE', 'Cases are assigned to officers, not auditors', 400);
      }
      await manager.query(`UPDATE complaints SET assignee_id = $2, updated_at = now() WHERE id = $1`, [found.id, assigneeId]);
      await this.caseLog.append(manager, {
        reference,
        actor: actorOf(staff),
        type: 'case.assigned',
        details: { complaintId: found.id, assigneeId },
      });
    });
  }

  /** Erasure: the notes of every recorded outcome become the marker; the outcomes themselves stay (statistics). */
  async eraseNotes(db: Queryable, complaintId: string): Promise<number> {
    return affected(await db.query(`UPDATE case_actions SET notes = $2 WHERE complaint_id = $1 AND notes <> $2`, [complaintId, ERASED]));
  }
}
