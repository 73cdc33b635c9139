import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { actorOf, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import type { SubjectRole } from '../complaints/complaint-categories.js';
import { Environment } from '../config/environment.js';
import { ErasureService } from '../erasure/erasure.service.js';
import { RETENTION_DUE_SQL, scheduleOf, type RetentionSchedule } from './retention-schedule.js';

const UNIQUE_VIOLATION = '23505';

export interface RetentionCase {
  reference: string;
  status: string;
  subjectRole: SubjectRole;
  closedAt: string;
  termEndedOn: string | null;
  dueAt: string;
  held: boolean;
}

export interface RetentionPreview {
  schedule: RetentionSchedule;
  /** What the next run erases (due, not held), the longest overdue first. */
  due: RetentionCase[];
  /** Due, but under a legal hold: kept until the hold is released. */
  held: RetentionCase[];
  /** Closed cases kept because the office holder's term end is not recorded yet. */
  waitingForTermEnd: number;
}

export interface OfficeHolderTermView {
  id: string;
  subjectRole: SubjectRole;
  endedOn: string;
  holderName: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface RetentionRun {
  erased: string[];
  skipped: string[];
}

/**
 * The retention schedule: which closed cases have been kept long enough, a preview of what the next run erases, and
 * the run itself (the daily job in workers), which asks the erasure module to erase each due case that is not held.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
    private readonly erasure: ErasureService,
    private readonly caseLog: CaseLogService,
  ) {}

  async preview(now = new Date()): Promise<RetentionPreview> {
    const schedule = scheduleOf(this.env);
    const rows = (await this.dataSource.query(
      `SELECT c.reference, c.status, c.subject_role, closed.at AS closed_at, term.ended_on::text AS term_ended_on, due.at AS due_at,
              EXISTS (SELECT 1 FROM legal_holds h WHERE h.complaint_id = c.id) AS held
         FROM complaints c
         CROSS JOIN LATERAL (SELECT max(a.recorded_at) AS at FROM case_actions a WHERE a.complaint_id = c.id AND a.to_status = c.status) closed
         LEFT JOIN LATERAL (SELECT min(t.ended_on) AS ended_on FROM office_holder_terms t
                             WHERE t.subject_role = c.subject_role AND t.ended_on >= (c.received_at AT TIME ZONE 'Europe/London')::date) term ON true
         CROSS JOIN LATERAL (SELECT ${RETENTION_DUE_SQL} AS at) due
        WHERE c.status IN ('closed', 'withdrawn') AND c.personal_data_erased_at IS NULL AND closed.at IS NOT NULL
          AND (due.at IS NULL OR due.at <= $3)
        ORDER BY due.at NULLS LAST, c.reference`,
      [schedule.monthsAfterClosure, schedule.monthsAfterTermEnd, now],
    )) as Array<{ reference: string; status: string; subject_role: SubjectRole; closed_at: Date; term_ended_on: string | null; due_at: Date | null; held: boolean }>;
    const view = (r: (typeof rows)[number]): RetentionCase => ({
      reference: r.reference, status: r.status, subjectRole: r.subject_role, closedAt: r.closed_at.toISOString(), termEndedOn: r.term_ended_on, dueAt: r.due_at!.toISOString(), held: r.held,
    });
    return {
      schedule,
      due: rows.filter((r) => r.due_at && !r.held).map(view),
      held: rows.filter((r) => r.due_at && r.held).map(view),
      waitingForTermEnd: rows.filter((r) => !r.due_at).length,
    };
  }

  /** Erases every case due now and not held, each in its own transaction: one refused (a hold placed meanwhile) stops no other. */
  async run(now = new Date()): Promise<RetentionRun> {
    const { due, schedule } = await this.preview(now);
    const result: RetentionRun = { erased: [], skipped: [] };
    for (const item of due) {
      const basis = [`closed on ${item.closedAt.slice(0, 10)}, kept ${schedule.monthsAfterClosure} months after closure`];
      if (item.termEndedOn) basis.push(`and ${schedule.monthsAfterTermEnd} months after the office holder left office on ${item.termEndedOn}`);
      try {
        await this.erasure.erase(item.reference, { scope: 'case', trigger: 'retention', reason: `Retention period over: ${basis.join(' ')}`, actor: 'system', staffId: null });
        result.erased.push(item.reference);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.skipped.push(item.reference);
        this.logger.warn({ reference: item.reference, code: error.code }, 'a case due for erasure was not erased');
      }
    }
    if (due.length) this.logger.log({ erased: result.erased.length, skipped: result.skipped.length }, 'retention run: personal data of expired cases erased');
    return result;
  }

  async terms(): Promise<OfficeHolderTermView[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.subject_role, t.ended_on::text AS ended_on, t.holder_name, u.email, t.recorded_at FROM office_holder_terms t JOIN users u ON u.id = t.recorded_by ORDER BY t.ended_on DESC, t.subject_role`,
    )) as Array<{ id: string; subject_role: SubjectRole; ended_on: string; holder_name: string | null; email: string; recorded_at: Date }>;
    return rows.map((r) => ({ id: r.id, subjectRole: r.subject_role, endedOn: r.ended_on, holderName: r.holder_name, recordedBy: r.email, recordedAt: r.recorded_at.toISOString() }));
  }

  async recordTermEnd(subjectRole: SubjectRole, endedOn: string, staff: StaffUser, holderName: string | null = null): Promise<OfficeHolderTermView> {
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO office_holder_terms (id, subject_role, ended_on, holder_name, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, now())`, [id, subjectRole, endedOn, holderName?.trim() || null, staff.id]);
        await this.caseLog.append(manager, { reference: null, actor: actorOf(staff), type: 'retention.term_end_recorded', details: { termId: id, subjectRole, endedOn } });
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('RETENTION.TERM_END_EXISTS', 'That term end is already recorded for this office holder', 409);
      throw error;
    }
    return (await this.terms()).find((t) => t.id === id)!;
  }

  async removeTermEnd(id: string, staff: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [gone] = (await manager.query(`DELETE FROM office_holder_terms WHERE id = $1 RETURNING subject_role, ended_on::text AS ended_on`, [id])) as [Array<{ subject_role: string; ended_on: string }>, number];
      if (!gone.length) throw new DomainError('RETENTION.TERM_END_NOT_FOUND', 'No term end with that id', 404);
      await this.caseLog.append(manager, { reference: null, actor: actorOf(staff), type: 'retention.term_end_removed', details: { termId: id, subjectRole: gone[0].subject_role, endedOn: gone[0].ended_on } });
    });
  }
}
