import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DECIDED_STATUSES } from '../cases/case-status.js';
import { isRealName } from '../complaints/complainant-keys.js';
import type { SubjectRole } from '../complaints/complaint-categories.js';
import type { ComplaintAnalysis } from './language/analysis.types.js';
import { analyseStep } from './rules/analyse.step.js';
import { ANALYSE_STEP, type ComplaintFacts, type EarlierComplaint } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';

interface FactsRow {
  id: string;
  summary: string;
  details: string;
  subject_role: SubjectRole;
  subject_name: string | null;
  incident_date: string | null;
  received_at: Date;
  name: string;
  postal_address: string | null;
  email_key: string;
  name_key: string;
  address_key: string | null;
  /** The analyse step's stored result under the current rule set, when it has run. */
  analysis: ComplaintAnalysis | null;
}

const CACHE_SIZE = 5000;
const CACHE_MS = 60_000;

/**
 * Reads what the rules look at. The only I/O of triage besides storing results. A complaint's own text never changes
 * after intake, so it is read once for all of its steps (they usually run in the same worker within milliseconds);
 * earlier complaints, which do change, are always read afresh.
 */
@Injectable()
export class TriageFactsService {
  private readonly recent = new Map<string, { row: FactsRow; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async load(complaintId: string, withHistory: boolean): Promise<ComplaintFacts | null> {
    const row = await this.complaint(complaintId);
    if (!row) return null;
    // Normally stored by the analyse step before any other step runs; computed here (not stored) only as a fallback.
    row.analysis ??= analyseStep(row.summary, row.details, row.subject_name).findings;
    return {
      summary: row.summary,
      details: row.details,
      subjectRole: row.subject_role,
      subjectName: row.subject_name,
      incidentDate: row.incident_date,
      receivedAt: row.received_at.toISOString(),
      hasName: isRealName(row.name),
      hasPostalAddress: !!row.postal_address?.trim(),
      earlierComplaints: withHistory ? await this.earlierComplaints(row) : [],
      analysis: row.analysis,
    };
  }

  /** The complaint's own text and subject, for the analyse step. */
  async text(complaintId: string): Promise<{ summary: string; details: string; subjectName: string | null } | null> {
    const row = await this.complaint(complaintId);
    return row ? { summary: row.summary, details: row.details, subjectName: row.subject_name } : null;
  }

  /** Keeps a just-stored analysis with the cached row, so this worker's next steps need not read it back. */
  remember(complaintId: string, analysis: ComplaintAnalysis): void {
    const cached = this.recent.get(complaintId);
    if (cached) cached.row.analysis = analysis;
  }

  private async complaint(complaintId: string): Promise<FactsRow | undefined> {
    const cached = this.recent.get(complaintId);
    if (cached && cached.until > Date.now() && cached.row.analysis) return cached.row;
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.summary, c.details, c.subject_role, c.subject_name, c.incident_date::text AS incident_date, c.received_at,
              p.name, p.postal_address, p.email_key, p.name_key, p.address_key,
              (SELECT s.findings FROM triage_step_results s WHERE s.complaint_id = c.id AND s.step = $2 AND s.ruleset_version = $3) AS analysis
         FROM complaints c JOIN complainants p ON p.id = c.complainant_id
        WHERE c.id = $1`,
      [complaintId, ANALYSE_STEP, RULESET_VERSION],
    )) as FactsRow[];
    if (row) {
      this.recent.delete(complaintId);
      this.recent.set(complaintId, { row, until: Date.now() + CACHE_MS });
      if (this.recent.size > CACHE_SIZE) this.recent.delete(this.recent.keys().next().value!);
    }
    return row;
  }

  /**
   * Earlier complaints by the same person (normalised email, or name and address), with Postgres's trigram
   * similarity to this one. The person look-up uses indexes; only that person's complaints are compared.
   */
  private async earlierComplaints(row: FactsRow): Promise<EarlierComplaint[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.reference, c.summary, c.details, c.received_at, c.status,
              GREATEST(similarity(c.summary, $5), similarity(left(c.details, 4000), left($6, 4000)),
                       similarity(c.summary || ' ' || left(c.details, 4000), $5 || ' ' || left($6, 4000))) AS similarity
         FROM complainants p
         JOIN complaints c ON c.complainant_id = p.id
        WHERE (p.email_key = $1 OR (p.name_key = $2 AND p.address_key IS NOT NULL AND p.address_key = $3))
          AND c.id <> $4 AND c.received_at <= $7
        ORDER BY c.received_at DESC
        LIMIT 50`,
      [row.email_key, row.name_key, row.address_key, row.id, row.summary, row.details, row.received_at],
    )) as Array<{ reference: string; summary: string; details: string; received_at: Date; status: string; similarity: number }>;
    return rows.map((r) => ({
      reference: r.reference,
      summary: r.summary,
      details: r.details,
      receivedAt: r.received_at.toISOString(),
      decided: (DECIDED_STATUSES as readonly string[]).includes(r.status),
      similarity: Number(r.similarity),
    }));
  }
}
