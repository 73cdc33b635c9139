import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_LOG_CHANNEL, QUEUE_INSERT, queuedEventRow } from '../audit/case-log.service.js';
import type { Category } from '../complaints/complaint-categories.js';
import { jsonColumn, jsonColumnSql } from '../database/json-column.js';
import { preparedQuery } from '../database/prepared-query.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import type { DecisionSummary } from './batch/triage-compute.js';
import { TriageThreads } from './batch/triage-threads.service.js';
import { storeEach, type Failure } from '../common/store-each.js';
import { DECIDE_STEP, RULE_STEP_NAMES } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageFactsService } from './triage-facts.service.js';
import { reviewDeadline } from './triage-review-deadline.js';

export type TriageTrigger = 'intake' | 'replay' | 'retriage';

export class StepsIncompleteError extends Error {}

export interface DecideBatchResult {
  /** The decisions recorded by this job (not those recorded before). */
  decided: Map<string, DecisionSummary>;
  failed: Failure[];
}

interface DecideRow {
  id: string;
  reference: string;
  override_category: Category | null;
  already: boolean;
  /** The rule steps stored under the current rule set, as JSON text, and how many. */
  steps: string;
  step_count: number;
}

/** One complaint's decision, ready to write. */
interface DecisionRow {
  id: string;
  reference: string;
  decision: DecisionSummary;
  evidence: string;
  findings: string;
  referral: { startAt: Date; dueAt: Date; calculation: unknown } | null;
  review: { startAt: Date; dueAt: Date; calculation: unknown } | null;
  event: ReturnType<typeof queuedEventRow>;
}

/** The deciding step: reads the stored step verdicts, applies precedence and records each triage once. */
@Injectable()
export class TriageDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: TriageFactsService,
    private readonly deadlines: DeadlinesService,
    private readonly threads: TriageThreads,
  ) {}

  /** One complaint (replay, retriage): the decision, or null when this rule-set version had already triaged it. */
  async decide(complaintId: string, trigger: TriageTrigger = 'intake'): Promise<DecisionSummary | null> {
    const { decided, failed } = await this.decideBatch([complaintId], trigger);
    if (failed.length && !failed[0].unrecoverable) throw new StepsIncompleteError(failed[0].error);
    return decided.get(complaintId) ?? null;
  }

  /**
   * Decides a batch in three round trips and no transaction: the reads, then one statement whose every write (triage
   * run, decide step, IOPC referral and review deadlines, the complaint, its case-log event) hangs on the triage
   * run's insert, so a second run of this job (a stalled job taken again) writes nothing at all. Complaints erased
   * or already triaged by this rule-set version are skipped; one whose steps are not all stored, or whose rule threw,
   * is returned as failed for the caller to re-queue alone.
   */
  async decideBatch(complaintIds: readonly string[], trigger: TriageTrigger = 'intake'): Promise<DecideBatchResult> {
    const found = await this.facts.batch(complaintIds, DECIDE_STEP, false);
    const rows = await preparedQuery<DecideRow>(
      this.dataSource,
      'triage-decide-steps',
      `SELECT c.id, c.reference, c.override_category,
              EXISTS (SELECT 1 FROM triage_runs r WHERE r.complaint_id = c.id AND r.ruleset_version = $2) AS already,
              (SELECT coalesce(json_agg(json_build_object('step', s.step, 'verdict', s.verdict, 'evidence', s.evidence, 'findings', s.findings)), '[]')::text
                 FROM triage_step_results s WHERE s.complaint_id = c.id AND s.ruleset_version = $2 AND s.step = ANY($3)) AS steps,
              (SELECT count(*) FROM triage_step_results s WHERE s.complaint_id = c.id AND s.ruleset_version = $2 AND s.step = ANY($3))::int AS step_count
         FROM complaints c WHERE c.id = ANY($1::uuid[]) AND c.personal_data_erased_at IS NULL`,
      [[...found.keys()], RULESET_VERSION, RULE_STEP_NAMES],
    );
    const failed: Failure[] = complaintIds.filter((id) => !found.has(id)).map((id) => ({ id, error: `complaint ${id} does not exist`, unrecoverable: true }));
    const todo: DecideRow[] = [];
    for (const row of rows) {
      if (row.already) continue;
      const analysis = found.get(row.id)?.analysis;
      if (row.step_count !== RULE_STEP_NAMES.length || !analysis) {
        failed.push({ id: row.id, error: `complaint ${row.id}: ${row.step_count + (analysis ? 1 : 0)} of ${RULE_STEP_NAMES.length + 1} steps recorded`, unrecoverable: false });
      } else todo.push(row);
    }
    const outcomes = await this.threads.run({
      kind: 'decide',
      items: todo.map((row) => ({ id: row.id, facts: found.get(row.id)!.facts, analysis: found.get(row.id)!.analysis!, steps: row.steps })),
    });
    const now = new Date();
    const byId = new Map(todo.map((row) => [row.id, row]));
    const decisions: DecisionRow[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok || !outcome.decision) {
        failed.push({ id: outcome.id, error: outcome.ok ? 'no decision' : outcome.error, unrecoverable: false });
        continue;
      }
      const row = byId.get(outcome.id)!;
      const decision = outcome.decision;
      const criminal = (row.override_category ?? decision.category) === 'criminal';
      decisions.push({
        id: row.id,
        reference: row.reference,
        decision,
        evidence: outcome.evidence,
        findings: outcome.findings,
        referral: criminal ? this.deadlines.plan(['iopc_referral'], now)[0] : null,
        review: decision.reviewReasons.length ? reviewDeadline(decision, now) : null,
        event: queuedEventRow({
          reference: row.reference,
          actor: 'worker',
          type: 'triage.completed',
          details: {
            complaintId: row.id, category: decision.category, rulesetVersion: RULESET_VERSION, confidence: decision.confidence, needsReview: decision.needsReview,
            possibleOffence: decision.possibleOffence, reviewReasons: decision.reviewReasons, trigger,
          },
        }),
      });
    }
    const decided = new Map<string, DecisionSummary>();
    await storeEach(decisions, failed, async (batch) => {
      const recorded = new Set(await this.record(batch, trigger));
      for (const row of batch) if (recorded.has(row.id)) decided.set(row.id, row.decision);
    });
    return { decided, failed };
  }

  /** One statement for the whole batch; returns the complaints whose triage it recorded. */
  private async record(rows: DecisionRow[], trigger: TriageTrigger): Promise<string[]> {
    const column = <T>(pick: (row: DecisionRow) => T) => rows.map(pick);
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    const [{ recorded }] = await preparedQuery<{ recorded: string[] }>(
      this.dataSource,
      'triage-decide-record',
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::varchar[], ${jsonColumnSql('$3')}::jsonb[], ${jsonColumnSql('$4')}::jsonb[], $5::real[], $6::boolean[], $7::jsonb[], $8::boolean[], $9::jsonb[],
                              $10::timestamptz[], $11::timestamptz[], $12::jsonb[], $13::timestamptz[], $14::timestamptz[], $15::jsonb[],
                              $16::timestamptz[], $17::varchar[], $18::varchar[], $19::varchar[], $20::jsonb[])
           AS i(complaint_id, category, evidence, findings, confidence, needs_review, reg15, possible_offence, review_reasons,
                referral_start, referral_due, referral_calc, review_start, review_due, review_calc,
                event_at, event_reference, event_actor, event_type, event_details)
       ), run AS (
         INSERT INTO triage_runs (id, complaint_id, ruleset_version, category, confidence, needs_review, reg15_grounds, trigger, completed_at,
                                  possible_offence, review_reasons)
         -- an erased complaint is never decided: its evidence would quote words that are gone (see TriageStepsService.store)
         SELECT gen_random_uuid(), c.id, $21::varchar, i.category, i.confidence, i.needs_review, i.reg15, $22::varchar, now(), i.possible_offence, i.review_reasons
           FROM input i JOIN complaints c ON c.id = i.complaint_id
          WHERE c.personal_data_erased_at IS NULL
          ORDER BY c.id
            FOR SHARE OF c
         ON CONFLICT (complaint_id, ruleset_version) DO NOTHING RETURNING complaint_id
       ), done AS (
         SELECT i.* FROM input i JOIN run USING (complaint_id)
       ), step AS (
         INSERT INTO triage_step_results (id, complaint_id, step, ruleset_version, verdict, evidence, findings, completed_at)
         SELECT gen_random_uuid(), complaint_id, $23::varchar, $21::varchar, category, evidence, findings, now() FROM done
         ON CONFLICT (complaint_id, step, ruleset_version) DO NOTHING
       ), referral AS (
         -- a possible offence starts the statutory clock, whether the first triage or a later rule set found it
         INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
         SELECT gen_random_uuid(), complaint_id, 'iopc_referral', referral_start, referral_due, referral_calc FROM done WHERE referral_start IS NOT NULL
         ON CONFLICT (complaint_id, kind) DO NOTHING RETURNING complaint_id, due_at
       ), review AS (
         -- a triage that needs an officer opens (or reopens) the review deadline; one that does not closes an old one
         INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
         SELECT gen_random_uuid(), complaint_id, 'triage_review', review_start, review_due, review_calc FROM done WHERE review_due IS NOT NULL
         ON CONFLICT (complaint_id, kind) DO UPDATE SET start_at = EXCLUDED.start_at, due_at = EXCLUDED.due_at, calculation = EXCLUDED.calculation, met_at = NULL, met_by = NULL
         RETURNING complaint_id, due_at
       ), review_closed AS (
         UPDATE deadlines d SET met_at = now(), met_by = 'retriaged: no review needed'
           FROM done WHERE d.complaint_id = done.complaint_id AND d.kind = 'triage_review' AND d.met_at IS NULL AND done.review_due IS NULL
       ), complaint AS (
         UPDATE complaints
            SET triage_category = done.category, category = COALESCE(override_category, done.category),
                status = CASE WHEN status = 'received' THEN 'triaged' ELSE status END,
                triaged_at = COALESCE(triaged_at, now()), updated_at = now(), possible_offence = done.possible_offence,
                next_due_at = (SELECT min(due) FROM (
                  SELECT d.due_at AS due FROM deadlines d WHERE d.complaint_id = complaints.id AND d.met_at IS NULL
                     AND (d.kind <> 'triage_review' OR done.review_due IS NOT NULL)
                  UNION ALL SELECT r.due_at FROM referral r WHERE r.complaint_id = complaints.id
                  UNION ALL SELECT v.due_at FROM review v WHERE v.complaint_id = complaints.id) dues)
           FROM done WHERE complaints.id = done.complaint_id
       ), logged AS (
         ${QUEUE_INSERT} SELECT event_at, event_reference, event_actor, event_type, event_details FROM done
       )
       SELECT coalesce((SELECT array_agg(complaint_id::text) FROM run), '{}') AS recorded, pg_notify($24, '')`,
      [
        column((r) => r.id), column((r) => r.decision.category), jsonColumn(column((r) => r.evidence)), jsonColumn(column((r) => r.findings)),
        column((r) => r.decision.confidence), column((r) => r.decision.needsReview), column((r) => r.decision.reg15Grounds),
        column((r) => r.decision.possibleOffence), column((r) => JSON.stringify(r.decision.reviewReasons)),
        column((r) => r.referral?.startAt ?? null), column((r) => r.referral?.dueAt ?? null), column((r) => json(r.referral?.calculation)),
        column((r) => r.review?.startAt ?? null), column((r) => r.review?.dueAt ?? null), column((r) => json(r.review?.calculation)),
        column((r) => r.event[0]), column((r) => r.event[1]), column((r) => r.event[2]), column((r) => r.event[3]), column((r) => r.event[4]),
        RULESET_VERSION, trigger, DECIDE_STEP, CASE_LOG_CHANNEL,
      ],
    );
    return recorded;
  }
}
