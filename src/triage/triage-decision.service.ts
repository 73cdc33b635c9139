import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_LOG_CHANNEL, QUEUE_INSERT, queuedEventRow } from '../audit/case-log.service.js';
import type { Category } from '../complaints/complaint-categories.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { decide } from './rules/decide.rule.js';
import { ANALYSE_STEP, DECIDE_STEP, RULE_STEP_NAMES, type Decision, type StepResult, type StepVerdicts } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageFactsService } from './triage-facts.service.js';
import { reviewDeadline } from './triage-review-deadline.js';

export type TriageTrigger = 'intake' | 'replay' | 'retriage';

export class StepsIncompleteError extends Error {}

const STEPS_READ = [ANALYSE_STEP, ...RULE_STEP_NAMES];

/** The deciding step: reads the stored step verdicts, applies precedence and records the triage once. */
@Injectable()
export class TriageDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: TriageFactsService,
    private readonly deadlines: DeadlinesService,
  ) {}

  /**
   * Returns the decision, or null when this rule-set version has already triaged the complaint. Two round trips and
   * no lock: the read, then one statement whose every write hangs on the triage run's insert, so a second run of this
   * job (a stalled job taken again) writes nothing at all.
   */
  async decide(complaintId: string, trigger: TriageTrigger = 'intake'): Promise<Decision | null> {
    const [found] = (await this.dataSource.query(
      `SELECT c.reference, c.override_category, c.personal_data_erased_at IS NOT NULL AS erased,
              EXISTS (SELECT 1 FROM triage_runs r WHERE r.complaint_id = c.id AND r.ruleset_version = $2) AS already,
              (SELECT coalesce(json_agg(json_build_object('step', s.step, 'verdict', s.verdict, 'evidence', s.evidence, 'findings', s.findings)), '[]')
                 FROM triage_step_results s WHERE s.complaint_id = c.id AND s.ruleset_version = $2 AND s.step = ANY($3)) AS steps
         FROM complaints c WHERE c.id = $1`,
      [complaintId, RULESET_VERSION, STEPS_READ],
    )) as Array<{ reference: string; override_category: Category | null; already: boolean; erased: boolean; steps: StepResult[] }>;
    if (!found || found.already || found.erased) return null;
    if (found.steps.length !== STEPS_READ.length) {
      throw new StepsIncompleteError(`complaint ${complaintId}: ${found.steps.length} of ${STEPS_READ.length} steps recorded`);
    }
    const steps = Object.fromEntries(found.steps.map((r) => [r.step, r])) as unknown as StepVerdicts;
    const facts = (await this.facts.load(complaintId, false))!;
    const decision = decide(steps, { ...facts, analysis: steps.analyse.findings });
    const now = new Date();
    const criminal = (found.override_category ?? decision.category) === 'criminal';
    const referral = criminal ? this.deadlines.plan(['iopc_referral'], now)[0] : null;
    const review = decision.reviewReasons.length ? reviewDeadline(decision, now) : null;
    const event = queuedEventRow({
      reference: found.reference,
      actor: 'worker',
      type: 'triage.completed',
      details: {
        complaintId, category: decision.category, rulesetVersion: RULESET_VERSION, confidence: decision.confidence, needsReview: decision.needsReview,
        possibleOffence: decision.possibleOffence, reviewReasons: decision.reviewReasons, trigger,
      },
    });
    const [{ recorded }] = (await this.dataSource.query(
      `WITH run AS (
         INSERT INTO triage_runs (id, complaint_id, ruleset_version, category, confidence, needs_review, reg15_grounds, trigger, completed_at,
                                  possible_offence, review_reasons)
         -- an erased complaint is never decided: its evidence would quote words that are gone (see TriageStepsService.store)
         SELECT gen_random_uuid(), c.id, $3::varchar, $4::varchar, $7::real, $8::boolean, $9::jsonb, $10::varchar, now(), $20::boolean, $21::jsonb
           FROM complaints c WHERE c.id = $1 AND c.personal_data_erased_at IS NULL FOR SHARE
         ON CONFLICT (complaint_id, ruleset_version) DO NOTHING RETURNING complaint_id
       ), step AS (
         INSERT INTO triage_step_results (id, complaint_id, step, ruleset_version, verdict, evidence, findings, completed_at)
         SELECT gen_random_uuid(), complaint_id, $2::varchar, $3::varchar, $4::varchar, $5::jsonb, $6::jsonb, now() FROM run
         ON CONFLICT (complaint_id, step, ruleset_version) DO NOTHING
       ), referral AS (
         -- a possible offence starts the statutory clock, whether the first triage or a later rule set found it
         INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
         SELECT gen_random_uuid(), complaint_id, 'iopc_referral', $17::timestamptz, $18::timestamptz, $19::jsonb FROM run WHERE $17::timestamptz IS NOT NULL
         ON CONFLICT (complaint_id, kind) DO NOTHING RETURNING due_at
       ), review AS (
         -- a triage that needs an officer opens (or reopens) the review deadline; one that does not closes an old one
         INSERT INTO deadlines (id, complaint_id, kind, start_at, due_at, calculation)
         SELECT gen_random_uuid(), complaint_id, 'triage_review', $22::timestamptz, $23::timestamptz, $24::jsonb FROM run WHERE $23::timestamptz IS NOT NULL
         ON CONFLICT (complaint_id, kind) DO UPDATE SET start_at = EXCLUDED.start_at, due_at = EXCLUDED.due_at, calculation = EXCLUDED.calculation, met_at = NULL, met_by = NULL
         RETURNING due_at
       ), review_closed AS (
         UPDATE deadlines SET met_at = now(), met_by = 'retriaged: no review needed'
          WHERE complaint_id IN (SELECT complaint_id FROM run) AND kind = 'triage_review' AND met_at IS NULL AND $23::timestamptz IS NULL
       ), complaint AS (
         UPDATE complaints
            SET triage_category = $4, category = COALESCE(override_category, $4),
                status = CASE WHEN status = 'received' THEN 'triaged' ELSE status END,
                triaged_at = COALESCE(triaged_at, now()), updated_at = now(), possible_offence = $20,
                next_due_at = (SELECT min(due) FROM (
                  SELECT due_at AS due FROM deadlines d WHERE d.complaint_id = complaints.id AND d.met_at IS NULL
                     AND (d.kind <> 'triage_review' OR $23::timestamptz IS NOT NULL)
                  UNION ALL SELECT due_at FROM referral UNION ALL SELECT due_at FROM review) dues)
          WHERE id IN (SELECT complaint_id FROM run)
       ), logged AS (
         ${QUEUE_INSERT} SELECT $11::timestamptz, $12::varchar, $13::varchar, $14::varchar, $15::jsonb FROM run
       )
       SELECT (SELECT count(*) FROM run)::int AS recorded, pg_notify($16, '')`,
      [
        complaintId, DECIDE_STEP, RULESET_VERSION, decision.category, JSON.stringify(decision.evidence), JSON.stringify(decision.findings),
        decision.confidence, decision.needsReview, JSON.stringify(decision.reg15Grounds), trigger, ...event, CASE_LOG_CHANNEL,
        referral?.startAt ?? null, referral?.dueAt ?? null, referral ? JSON.stringify(referral.calculation) : null,
        decision.possibleOffence, JSON.stringify(decision.reviewReasons),
        review?.startAt ?? null, review?.dueAt ?? null, review ? JSON.stringify(review.calculation) : null,
      ],
    )) as Array<{ recorded: number }>;
    return recorded ? decision : null;
  }
}
