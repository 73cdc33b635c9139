import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import { DECIDED_STATUSES } from '../cases/case-status.js';
import { isRealName } from '../complaints/complainant-keys.js';
import type { SubjectRole } from '../complaints/complaint-categories.js';
import type { BaseFacts } from './batch/triage-compute.js';
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
  erased: boolean;
  /** The analyse step's stored result under the current rule set, as JSON text; null when not stored (or cached here). */
  analysis: string | null;
  /** True when the step asked about is already stored for this complaint under the current rule set. */
  done: boolean;
}

interface EarlierRow {
  for_id: string;
  reference: string;
  summary: string;
  details: string;
  received_at: Date;
  status: string;
  similarity: number;
}

/** One complaint of a batch, as the rules see it. */
export interface BatchFacts {
  id: string;
  facts: BaseFacts;
  /** The stored analysis as JSON text, or null when it has not been stored. */
  analysis: string | null;
  /** The step asked about is already stored: nothing to do. */
  done: boolean;
  erased: boolean;
}

/** How many of a person's latest complaints the repetition look-up reads per way of recognising them, at most. */
export const PERSON_LATEST = 200;
/** How many of those (the most recently received before this one) are compared with it. */
export const EARLIER_COMPARED = 50;

const ANALYSES_KEPT = 5000;

/**
 * Earlier complaints by the same person as each complaint named ($1, uuid[]), with their trigram similarity to it.
 * See TriageFactsService.earlierComplaints; exported for the repetition-flood bench.
 */
export const EARLIER_COMPLAINTS_SQL = `SELECT me.id AS for_id, e.reference, e.summary, e.details, e.received_at, e.status,
          GREATEST(similarity(e.summary, me.summary), similarity(left(e.details, 4000), left(me.details, 4000)),
                   similarity(e.summary || ' ' || left(e.details, 4000), me.summary || ' ' || left(me.details, 4000))) AS similarity
     FROM complaints me
     JOIN complainants mp ON mp.id = me.complainant_id
     CROSS JOIN LATERAL (
       SELECT c.reference, c.summary, c.details, c.received_at, c.status
         FROM (
           (SELECT p.id FROM complainants p
             WHERE p.email_key = mp.email_key AND p.created_at <= mp.created_at
             ORDER BY p.created_at DESC LIMIT ${PERSON_LATEST})
           UNION
           (SELECT p.id FROM complainants p
             WHERE mp.address_key IS NOT NULL AND p.name_key = mp.name_key AND p.address_key = mp.address_key AND p.created_at <= mp.created_at
             ORDER BY p.created_at DESC LIMIT ${PERSON_LATEST})
         ) person
         JOIN complaints c ON c.complainant_id = person.id
        WHERE c.id <> me.id AND c.received_at <= me.received_at
        ORDER BY c.received_at DESC
        LIMIT ${EARLIER_COMPARED}
     ) e
    WHERE me.id = ANY($1::uuid[])`;

/**
 * Reads what the rules look at, for a whole batch in one query. The only I/O of triage besides storing results. A
 * complaint's analysis never changes once stored, so the text this process stored is kept and not read back for its
 * steps; earlier complaints, which do change, are always read afresh.
 */
@Injectable()
export class TriageFactsService {
  private readonly analyses = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The facts of every complaint named that exists (a missing one is simply absent). `step`: which step's stored
   * result to report as `done`. `withHistory`: the person's earlier complaints too (the repetition step).
   */
  async batch(complaintIds: readonly string[], step: string, withHistory: boolean): Promise<Map<string, BatchFacts>> {
    const cached = complaintIds.filter((id) => this.analyses.has(id));
    const rows = await preparedQuery<FactsRow>(
      this.dataSource,
      'triage-facts',
      `SELECT c.id, c.summary, c.details, c.subject_role, c.subject_name, c.incident_date::text AS incident_date, c.received_at,
              p.name, p.postal_address, c.personal_data_erased_at IS NOT NULL AS erased,
              CASE WHEN c.id = ANY($4::uuid[]) THEN NULL
                   -- before the analysis had its own column (StoreAnalysisAsText) it was the findings
                   ELSE (SELECT coalesce(s.analysis, s.findings::text) FROM triage_step_results s WHERE s.complaint_id = c.id AND s.step = $2 AND s.ruleset_version = $3) END AS analysis,
              EXISTS (SELECT 1 FROM triage_step_results s WHERE s.complaint_id = c.id AND s.step = $5 AND s.ruleset_version = $3) AS done
         FROM complaints c JOIN complainants p ON p.id = c.complainant_id
        WHERE c.id = ANY($1::uuid[])`,
      [complaintIds, ANALYSE_STEP, RULESET_VERSION, cached, step],
    );
    const earlier = withHistory ? await this.earlierComplaints(rows.map((r) => r.id)) : new Map<string, EarlierComplaint[]>();
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          facts: toFacts(row, earlier.get(row.id) ?? []),
          analysis: row.analysis ?? this.analyses.get(row.id) ?? null,
          done: row.done,
          erased: row.erased,
        },
      ]),
    );
  }

  /** One complaint's facts with its analysis parsed (computed, not stored, when it has not been stored): replay's dry run. */
  async load(complaintId: string, withHistory: boolean): Promise<ComplaintFacts | null> {
    const found = (await this.batch([complaintId], ANALYSE_STEP, withHistory)).get(complaintId);
    if (!found) return null;
    const { summary, details, subjectName } = found.facts;
    return { ...found.facts, analysis: found.analysis ? JSON.parse(found.analysis) : analyseStep(summary, details, subjectName).findings };
  }

  /** Keeps analyses this process has just stored, so its next steps need not read them back. */
  remember(complaintId: string, analysis: string): void {
    this.analyses.delete(complaintId);
    this.analyses.set(complaintId, analysis);
    if (this.analyses.size > ANALYSES_KEPT) this.analyses.delete(this.analyses.keys().next().value!);
  }

  /**
   * Earlier complaints by the same person (normalised email, or name and address), with Postgres's trigram
   * similarity to each complaint of the batch: one query, a LATERAL look-up per complaint. Every complaint has its own
   * complainants row, so a person is the set of rows sharing a key. Bounded before any similarity is computed: the
   * person's latest PERSON_LATEST rows by each key, entered no later than this one, come straight off the indexes on
   * (email_key, created_at) and (name_key, address_key, created_at); of their complaints received before this one the
   * latest EARLIER_COMPARED are compared. So a person with ten thousand complaints costs what one with fifty does.
   */
  private async earlierComplaints(complaintIds: string[]): Promise<Map<string, EarlierComplaint[]>> {
    if (!complaintIds.length) return new Map();
    const rows = await preparedQuery<EarlierRow>(this.dataSource, 'triage-earlier-complaints', EARLIER_COMPLAINTS_SQL, [complaintIds]);
    const found = new Map<string, EarlierComplaint[]>();
    for (const r of rows) {
      const list = found.get(r.for_id) ?? [];
      list.push({
        reference: r.reference,
        summary: r.summary,
        details: r.details,
        receivedAt: r.received_at.toISOString(),
        decided: (DECIDED_STATUSES as readonly string[]).includes(r.status),
        similarity: Number(r.similarity),
      });
      found.set(r.for_id, list);
    }
    return found;
  }
}

function toFacts(row: FactsRow, earlierComplaints: EarlierComplaint[]): BaseFacts {
  return {
    summary: row.summary,
    details: row.details,
    subjectRole: row.subject_role,
    subjectName: row.subject_name,
    incidentDate: row.incident_date,
    receivedAt: row.received_at.toISOString(),
    hasName: isRealName(row.name),
    hasPostalAddress: !!row.postal_address?.trim(),
    earlierComplaints,
  };
}
