import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { workingDaysBetween } from '../calendar/working-day-calendar.js';
import { DomainError } from '../common/domain-error.js';
import { Environment } from '../config/environment.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { REVIEW_COLUMNS, reviewView, type ReviewRow } from '../triage/review/triage-review.view.js';
import { ALL_STEPS, type Evidence } from '../triage/rules/rule.types.js';
import type { StaffUser } from '../auth/staff-user.js';
import type { Category } from '../complaints/complaint-categories.js';
import { allowedMoves } from './case-lifecycle.js';
import { CaseNotesService } from './case-notes.service.js';
import type { CaseStatus } from './case-status.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './case-queue.service.js';
import type { CaseActionDto, CaseDetailDto, DeadlineDto, OverrideDto, TriageDto } from './dto/case.dto.js';

const STEP_ORDER: readonly string[] = ALL_STEPS;

/** What a read needs: the data source, or the manager of a transaction. */
type Queryable = Pick<EntityManager, 'query'>;

export const formatEvidence = (e: Evidence) => (e.quote ? `“${e.quote}”: ${e.meaning}` : e.meaning);

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Environment,
    private readonly notes: CaseNotesService,
    private readonly evidence: EvidenceService,
  ) {}

  /** The case as `viewer` may see it: auditors check the record, not the person, so they get the complainant by id only. */
  async get(reference: string, viewer: StaffUser): Promise<CaseDetailDto> {
    // One snapshot for every part: read apart, a triage committed between two reads could show beside a complaint
    // still untriaged (category null), which is exactly what a client polling for the triage would then report.
    return this.dataSource.transaction('REPEATABLE READ', (db) => this.read(db, reference, viewer));
  }

  private async read(db: Queryable, reference: string, viewer: StaffUser): Promise<CaseDetailDto> {
    const [row] = (await db.query(
      `SELECT ${SUMMARY_COLUMNS}, c.subject_name, c.details, c.incident_date::text AS incident_date, c.assignee_id,
              p.id AS complainant_id, p.name, p.email, p.phone, p.postal_address, p.adjustments, c.language, c.contact_preference,
              to_jsonb(r) - 'id' - 'complaint_id' AS representative
         FROM complaints c JOIN complainants p ON p.id = c.complainant_id LEFT JOIN users u ON u.id = c.assignee_id
         LEFT JOIN representatives r ON r.complaint_id = c.id
        WHERE c.reference = $1`,
      [reference],
    )) as Array<SummaryRow & { assignee_id: string | null; subject_name: string | null; details: string; incident_date: string | null; complainant_id: string; name: string; email: string | null; phone: string | null; postal_address: string | null; adjustments: string | null; language: string; contact_preference: string; representative: { name: string; relationship: string; email: string | null; postal_address: string | null; consent: boolean | null } | null }>;
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
    // One connection runs one query at a time: awaited in turn.
    const triage = await this.latestTriage(db, row.id);
    const deadlines = await this.deadlines(db, row.id);
    const actions = await this.actions(db, row.id);
    const overrides = await this.overrides(db, row.id);
    const notes = await this.notes.forComplaint(row.id, db);
    const evidence = await this.evidence.list(row.id, db);
    const latest = actions.at(-1);
    return {
      ...toSummary(row),
      nextDueKind: deadlines.find((d) => !d.metAt)?.kind ?? null,
      subjectName: row.subject_name,
      details: row.details,
      incidentDate: row.incident_date,
      assigneeId: row.assignee_id,
      triage,
      deadlines,
      outcome: latest ? { kind: latest.kind, notes: latest.notes, recordedAt: latest.recordedAt, recordedBy: latest.recordedBy } : null,
      actions,
      notes,
      overrides,
      pendingOverride: overrides.find((o) => o.state === 'pending') ?? null,
      allowedOutcomes: allowedMoves(row.status as CaseStatus, row.category as Category | null),
      evidence: evidence.map(({ id, filename, size, sha256, mediaType, scan }) => ({ id, filename: viewer.role === 'auditor' ? null : filename, size, sha256, mediaType, scan })),
      language: row.language,
      contactPreference: row.contact_preference,
      complainant:
        viewer.role === 'auditor'
          ? { id: row.complainant_id }
          : { id: row.complainant_id, name: row.name, email: row.email, phone: row.phone, postalAddress: row.postal_address, adjustments: row.adjustments },
      representative:
        viewer.role === 'auditor' || !row.representative
          ? (row.representative ? {} : null)
          : {
              name: row.representative.name,
              relationship: row.representative.relationship,
              email: row.representative.email,
              postalAddress: row.representative.postal_address,
              consent: row.representative.consent,
            },
    };
  }

  private async latestTriage(db: Queryable, complaintId: string): Promise<TriageDto | null> {
    const [run] = (await db.query(
      `SELECT r.category, r.ruleset_version, r.completed_at, r.confidence, r.needs_review, r.reg15_grounds, ${REVIEW_COLUMNS}
         FROM triage_runs r WHERE r.complaint_id = $1 ORDER BY r.completed_at DESC LIMIT 1`,
      [complaintId],
    )) as Array<ReviewRow & { category: string; ruleset_version: string; completed_at: Date; confidence: number; needs_review: boolean; reg15_grounds: TriageDto['reg15Grounds'] }>;
    if (!run) return null;
    const steps = (await db.query(
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

  private async actions(db: Queryable, complaintId: string): Promise<CaseActionDto[]> {
    const rows = (await db.query(
      `SELECT a.kind, a.notes, a.from_status, a.to_status, a.recorded_at, u.email
         FROM case_actions a JOIN users u ON u.id = a.recorded_by WHERE a.complaint_id = $1 ORDER BY a.recorded_at`,
      [complaintId],
    )) as Array<{ kind: string; notes: string; from_status: string; to_status: string; recorded_at: Date; email: string }>;
    return rows.map((r) => ({ kind: r.kind, notes: r.notes, fromStatus: r.from_status, toStatus: r.to_status, recordedAt: r.recorded_at.toISOString(), recordedBy: r.email }));
  }

  private async overrides(db: Queryable, complaintId: string): Promise<OverrideDto[]> {
    const rows = (await db.query(
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

  private async deadlines(db: Queryable, complaintId: string): Promise<DeadlineDto[]> {
    const rows = (await db.query(
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
}
