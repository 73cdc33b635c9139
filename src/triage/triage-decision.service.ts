import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseLogService } from '../audit/case-log.service.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { decide, type StepVerdicts } from './rules/decide.rule.js';
import { DECIDE_STEP, RULE_STEP_NAMES, type Decision, type StepVerdict } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageFactsService } from './triage-facts.service.js';

export type TriageTrigger = 'intake' | 'replay' | 'retriage';

export class StepsIncompleteError extends Error {}

/** The deciding step: reads the stored step verdicts, applies precedence and records the triage once. */
@Injectable()
export class TriageDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: TriageFactsService,
    private readonly caseLog: CaseLogService,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** Returns the decision, or null when this rule-set version has already triaged the complaint. */
  async decide(complaintId: string, trigger: TriageTrigger = 'intake'): Promise<Decision | null> {
    return this.dataSource.transaction(async (manager) => {
      const [complaint] = (await manager.query(
        `SELECT reference, status FROM complaints WHERE id = $1 FOR UPDATE`,
        [complaintId],
      )) as Array<{ reference: string; status: string }>;
      if (!complaint) return null;
      const already = await manager.query(`SELECT 1 FROM triage_runs WHERE complaint_id = $1 AND ruleset_version = $2`, [
        complaintId,
        RULESET_VERSION,
      ]);
      if (already.length) return null;

      const rows = (await manager.query(
        `SELECT step, verdict, evidence, findings FROM triage_step_results
          WHERE complaint_id = $1 AND ruleset_version = $2 AND step = ANY($3)`,
        [complaintId, RULESET_VERSION, RULE_STEP_NAMES],
      )) as Array<StepVerdict & { step: string }>;
      if (rows.length !== RULE_STEP_NAMES.length) {
        throw new StepsIncompleteError(`complaint ${complaintId}: ${rows.length} of ${RULE_STEP_NAMES.length} steps recorded`);
      }
      const steps = Object.fromEntries(rows.map((r) => [r.step, r])) as unknown as StepVerdicts;
      const facts = await this.facts.load(complaintId, false);
      const decision = decide(steps, facts!);

      await manager.query(
        `INSERT INTO triage_step_results (id, complaint_id, step, ruleset_version, verdict, evidence, findings, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (complaint_id, step, ruleset_version) DO NOTHING`,
        [randomUUID(), complaintId, DECIDE_STEP, RULESET_VERSION, decision.verdict, JSON.stringify(decision.evidence), decision.findings],
      );
      await manager.query(
        `INSERT INTO triage_runs (id, complaint_id, ruleset_version, category, confidence, needs_review, reg15_grounds, trigger, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [randomUUID(), complaintId, RULESET_VERSION, decision.category, decision.confidence, decision.needsReview, JSON.stringify(decision.reg15Grounds), trigger],
      );
      const [[{ category }]] = (await manager.query(
        `UPDATE complaints
            SET triage_category = $2,
                category = COALESCE(override_category, $2),
                status = CASE WHEN status = 'received' THEN 'triaged' ELSE status END,
                triaged_at = COALESCE(triaged_at, now()),
                updated_at = now()
          WHERE id = $1 RETURNING category`,
        [complaintId, decision.category],
      )) as [[{ category: string }], number];
      // A possible offence starts the statutory clock, whether the first triage or a later rule set found it.
      if (category === 'criminal') await this.deadlines.start(manager, complaintId, ['iopc_referral'], new Date());
      await this.caseLog.append(manager, {
        reference: complaint.reference,
        actor: 'worker',
        type: 'triage.completed',
        details: {
          complaintId,
          category: decision.category,
          rulesetVersion: RULESET_VERSION,
          confidence: decision.confidence,
          needsReview: decision.needsReview,
          trigger,
        },
      });
      return decision;
    });
  }
}
