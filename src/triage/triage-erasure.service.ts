import { Injectable } from '@nestjs/common';
import { ERASED, type ErasedRows, type Queryable } from '../common/erased.js';
import { ANALYSE_STEP } from './rules/rule.types.js';
import { analysisRemains, scrubTriageRecord } from './triage-scrub.js';

/**
 * The triage's part in erasure: its stored records quote the complaint (evidence), hold it in another form (the
 * language analysis) and keep an officer's reason for clearing a review. Verdicts, categories, scores, review reasons
 * and dates stay, so the statistics and the case's history read the same.
 */
@Injectable()
export class TriageErasureService {
  /** Call before the complaint's words are erased: they are what is looked for. `alsoErase`: the person's details. */
  async erase(db: Queryable, complaintId: string, alsoErase: readonly string[]): Promise<ErasedRows> {
    const [complaint] = (await db.query(`SELECT summary, details, subject_name FROM complaints WHERE id = $1`, [complaintId])) as Array<{ summary: string; details: string; subject_name: string | null }>;
    if (!complaint) return {};
    const texts = [complaint.summary, complaint.details, complaint.subject_name ?? '', ...alsoErase].filter((t) => t.trim().length > 0);
    const steps = (await db.query(`SELECT id, step, evidence, findings, analysis FROM triage_step_results WHERE complaint_id = $1`, [complaintId])) as Array<{
      id: string; step: string; evidence: unknown[]; findings: Record<string, unknown>; analysis: string | null;
    }>;
    const scrubbed = steps.map((s) => ({
      id: s.id,
      evidence: scrubTriageRecord(s.evidence, texts),
      findings: s.step === ANALYSE_STEP ? analysisRemains(s.analysis ? JSON.parse(s.analysis) : s.findings) : scrubTriageRecord(s.findings, texts),
    }));
    if (scrubbed.length) {
      await db.query(
        `UPDATE triage_step_results s SET evidence = x.evidence, findings = x.findings, analysis = NULL
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, evidence jsonb, findings jsonb) WHERE s.id = x.id`,
        [JSON.stringify(scrubbed)],
      );
    }
    const runs = (await db.query(`SELECT id, reg15_grounds FROM triage_runs WHERE complaint_id = $1`, [complaintId])) as Array<{ id: string; reg15_grounds: unknown[] }>;
    if (runs.length) {
      await db.query(
        `UPDATE triage_runs r SET reg15_grounds = x.grounds, review_clear_reason = CASE WHEN r.review_clear_reason IS NULL THEN NULL ELSE $2 END
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, grounds jsonb) WHERE r.id = x.id`,
        [JSON.stringify(runs.map((r) => ({ id: r.id, grounds: scrubTriageRecord(r.reg15_grounds, texts) }))), ERASED],
      );
    }
    return { triage_step_results: steps.length, triage_runs: runs.length };
  }
}
