import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { workingDaysBetween } from '../calendar/working-day-calendar.js';
import { DomainError } from '../common/domain-error.js';
import { Environment } from '../config/environment.js';
import { REVIEW_COLUMNS, reviewView, type ReviewRow } from '../triage/review/triage-review.view.js';
import { ALL_STEPS, type Evidence } from '../triage/rules/rule.types.js';
import type { StaffUser } from '../auth/staff-user.js';
import type { Category } from '../complaints/complaint-categories.js';
import { allowedMoves } from './case-lifecycle.js';
import type { CaseStatus } from './case-status.js';
import type { CaseActionDto, CaseDetailDto, CaseListDto, CaseSummaryDto, DeadlineDto, OverrideDto, TriageDto } from './dto/case.dto.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';

const STEP_ORDER: readonly string[] = ALL_STEPS;
const COUNT_CAP = 10_000;

interface SummaryRow {
  id: string;
  reference: string;
  status: string;
  category: string | null;
  triage_category: string | null;
  subject_role: string;
  summary: string;
  channel: string;
  received_at: Date;
  assignee: string | null;
  next_due_at: Date | null;
  possible_offence: boolean;
  review_due_at?: Date | null;
}

const SUMMARY_COLUMNS = `c.id, c.reference, c.status, c.category, c.triage_category, c.subject_role, c.summary, c.channel,
  c.received_at, c.next_due_at, c.possible_offence, u.email AS assignee`;

export const formatEvidence = (e: Evidence) => (e.quote ? `“${e.quote}”: ${e.meaning}` : e.meaning);

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  async list(query: ListCasesQuery, staff?: StaffUser): Promise<CaseListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.category) where.push(`c.category = ${param(query.category)}`);
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.assignee === 'none') where.push('c.assignee_id IS NULL');
    else if (query.assignee) where.push(`c.assignee_id = ${param(query.assignee === 'me' ? staff?.id : query.assignee)}`);
    if (query.overdue === true) where.push('c.next_due_at < now()');
    if (query.overdue === false) where.push('(c.next_due_at IS NULL OR c.next_due_at >= now())');
    // awaiting an officer's review of the triage: possible offences first, then by the review's due time
    const reviewJoin = query.review === true ? `JOIN deadlines rv ON rv.complaint_id = c.id AND rv.kind = 'triage_review' AND rv.met_at IS NULL` : '';
    if (query.review === false) where.push(`NOT EXISTS (SELECT 1 FROM deadlines rv WHERE rv.complaint_id = c.id AND rv.kind = 'triage_review' AND rv.met_at IS NULL)`);
    if (query.q?.trim()) where.push(`to_tsvector('english', c.summary || ' ' || c.details) @@ websearch_to_tsquery('english', ${param(query.q)})`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order =
      query.review === true ? 'c.possible_offence DESC, rv.due_at ASC, c.received_at ASC'
      : query.sort === 'received' ? 'c.received_at ASC' : query.sort === '-received' ? 'c.received_at DESC' : 'c.next_due_at ASC NULLS LAST, c.received_at ASC';
    const offset = (query.page - 1) * query.pageSize;
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${SUMMARY_COLUMNS}${reviewJoin ? ', rv.due_at AS review_due_at' : ''} FROM complaints c ${reviewJoin} LEFT JOIN users u ON u.id = c.assignee_id
         ${filter} ORDER BY ${order}, c.id LIMIT ${query.pageSize} OFFSET ${offset}`,
        params,
      ) as Promise<SummaryRow[]>,
      this.countCases(`${reviewJoin} ${filter}`, params),
    ]);
    return { items: rows.map((r) => this.toSummary(r)), ...counted, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Counting every match of a broad filter over a million cases costs more than the page itself, so the count
   * stops at COUNT_CAP; beyond it the total is Postgres's estimate, and says so.
   */
  private async countCases(filter: string, params: unknown[]): Promise<{ total: number; totalIsEstimate: boolean }> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM complaints c ${filter} LIMIT ${COUNT_CAP + 1}) capped`, params)) as Array<{ n: number }>;
    if (n <= COUNT_CAP) return { total: n, totalIsEstimate: false };
    const [{ 'QUERY PLAN': plan }] = (await this.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM complaints c ${filter}`, params)) as Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
    return { total: Math.max(COUNT_CAP + 1, Math.round(plan[0].Plan['Plan Rows'])), totalIsEstimate: true };
  }

  /** The case as `viewer` may see it: auditors check the record, not the person, so they get the complainant by id only. */
  async get(reference: string, viewer: StaffUser): Promise<CaseDetailDto> {
    const [row] = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, c.subject_name, c.details, c.incident_date::text AS incident_date, c.assignee_id,
              p.id AS complainant_id, p.name, p.email, p.phone, p.postal_address
         FROM complaints c JOIN complainants p ON p.id = c.complainant_id LEFT JOIN users u ON u.id = c.assignee_id
        WHERE c.reference = $1`,
      [reference],
    )) as Array<SummaryRow & { assignee_id: string | null; subject_name: string | null; details: string; incident_date: string | null; complainant_id: string; name: string; email: string; phone: string | null; postal_address: string | null }>;
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
    const [triage, deadlines, actions, overrides] = await Promise.all([
      this.latestTriage(row.id),
      this.deadlines(row.id),
      this.actions(row.id),
      this.overrides(row.id),
    ]);
    const latest = actions.at(-1);
    return {
      ...this.toSummary(row),
      subjectName: row.subject_name,
      details: row.details,
      incidentDate: row.incident_date,
      assigneeId: row.assignee_id,
      triage,
      deadlines,
      outcome: latest ? { kind: latest.kind, notes: latest.notes, recordedAt: latest.recordedAt, recordedBy: latest.recordedBy } : null,
      actions,
      overrides,
      pendingOverride: overrides.find((o) => o.state === 'pending') ?? null,
      allowedOutcomes: allowedMoves(row.status as CaseStatus, row.category as Category | null),
      complainant:
        viewer.role === 'auditor'
          ? { id: row.complainant_id }
          : { id: row.complainant_id, name: row.name, email: row.email, phone: row.phone, postalAddress: row.postal_address },
    };
  }

  private async latestTriage(complaintId: string): Promise<TriageDto | null> {
    const [run] = (await this.dataSource.query(
      `SELECT r.category, r.ruleset_version, r.completed_at, r.confidence, r.needs_review, r.reg15_grounds, ${REVIEW_COLUMNS}
         FROM triage_runs r WHERE r.complaint_id = $1 ORDER BY r.completed_at DESC LIMIT 1`,
      [complaintId],
    )) as Array<ReviewRow & { category: string; ruleset_version: string; completed_at: Date; confidence: number; needs_review: boolean; reg15_grounds: TriageDto['reg15Grounds'] }>;
    if (!run) return null;
    const steps = (await this.dataSource.query(
      `SELECT step, verdict, evidence, completed_at FROM triage_step_results WHERE complaint_id = $1 AND ruleset_version = $2`,
      [complaintId, run.ruleset_version],
    )) as Array<{ step: string; verdict: string; evidence: Evidence[]; completed_at: Date }>;
    steps.sort((a, b) => STEP_ORDER.indexOf(a.step as never) - STEP_ORDER.indexOf(b.step as never));
    return {
      category: run.category,
      rulesetVersion: run.ruleset_version,
      completedAt: run.completed_at.toISOString(),
      confidence: run.confidence,
      needsReview: run.needs_review,
      reg15Grounds: run.reg15_grounds,
      ...reviewView(run),
      steps: steps.map((s) => ({
        step: s.step,
        verdict: s.verdict,
        evidence: s.evidence.map(formatEvidence),
        evidenceDetail: s.evidence,
        completedAt: s.completed_at.toISOString(),
      })),
    };
  }

  private async actions(complaintId: string): Promise<CaseActionDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.kind, a.notes, a.from_status, a.to_status, a.recorded_at, u.email
         FROM case_actions a JOIN users u ON u.id = a.recorded_by WHERE a.complaint_id = $1 ORDER BY a.recorded_at`,
      [complaintId],
    )) as Array<{ kind: string; notes: string; from_status: string; to_status: string; recorded_at: Date; email: string }>;
    return rows.map((r) => ({ kind: r.kind, notes: r.notes, fromStatus: r.from_status, toStatus: r.to_status, recordedAt: r.recorded_at.toISOString(), recordedBy: r.email }));
  }

  private async overrides(complaintId: string): Promise<OverrideDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT o.id, o.from_category, o.to_category, o.triage_category, o.ruleset_version, o.reason, o.state, o.requested_at, o.decided_at,
              r.email AS requested_by, d.email AS decided_by
         FROM classification_overrides o JOIN users r ON r.id = o.requested_by LEFT JOIN users d ON d.id = o.decided_by
        WHERE o.complaint_id = $1 ORDER BY o.requested_at`,
      [complaintId],
    )) as Array<Record<string, string | Date | null>>;
    return rows.map((r) => ({
      id: r.id as string,
      fromCategory: r.from_category as string | null,
      toCategory: r.to_category as string,
      triageCategory: r.triage_category as string | null,
      rulesetVersion: r.ruleset_version as string | null,
      reason: r.reason as string,
      state: r.state as string,
      requestedBy: r.requested_by as string,
      requestedAt: (r.requested_at as Date).toISOString(),
      decidedBy: r.decided_by as string | null,
      decidedAt: (r.decided_at as Date | null)?.toISOString() ?? null,
    }));
  }

  private async deadlines(complaintId: string): Promise<DeadlineDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT kind, due_at, met_at, met_by, calculation FROM deadlines WHERE complaint_id = $1 ORDER BY due_at`,
      [complaintId],
    )) as Array<{ kind: string; due_at: Date; met_at: Date | null; met_by: string | null; calculation: Record<string, unknown> }>;
    const now = new Date();
    return rows.map((d) => ({
      kind: d.kind,
      dueAt: d.due_at.toISOString(),
      metAt: d.met_at?.toISOString() ?? null,
      metBy: d.met_by,
      state: d.met_at ? 'met' : d.due_at < now ? 'overdue' : workingDaysBetween(now, d.due_at) <= this.env.DUE_SOON_WORKING_DAYS ? 'due_soon' : 'open',
      calculation: d.calculation,
    }));
  }

  private toSummary(r: SummaryRow): CaseSummaryDto {
    return {
      reference: r.reference,
      status: r.status,
      category: r.category,
      triageCategory: r.triage_category,
      subjectRole: r.subject_role,
      summary: r.summary,
      channel: r.channel,
      receivedAt: r.received_at.toISOString(),
      assignee: r.assignee,
      nextDueAt: r.next_due_at?.toISOString() ?? null,
      overdue: !!r.next_due_at && r.next_due_at < new Date(),
      possibleOffence: r.possible_offence,
      ...(r.review_due_at !== undefined ? { reviewDueAt: r.review_due_at?.toISOString() ?? null } : {}),
    };
  }
}
