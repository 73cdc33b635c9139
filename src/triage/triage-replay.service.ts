import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Category } from '../complaints/complaint-categories.js';
import { DomainError } from '../common/domain-error.js';
import { triageInProcess } from './rules/pipeline.js';
import { RULE_STEP_NAMES } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageDecisionService, type TriageTrigger } from './triage-decision.service.js';
import { TriageFactsService } from './triage-facts.service.js';
import { TriageStepsService } from './triage-steps.service.js';

export interface ReplayResult {
  reference: string;
  previousCategory: Category | null;
  previousVersion: string | null;
  category: Category;
  changed: boolean;
  /** True when a new triage was stored under the current rule set. */
  recorded: boolean;
  /** An officer's category, which stays in force whatever the rules now say. */
  overrideInForce: Category | null;
}

/** Runs the current rule set over a complaint already triaged, to see (and, unless dry, record) what would change. */
@Injectable()
export class TriageReplayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: TriageFactsService,
    private readonly steps: TriageStepsService,
    private readonly decision: TriageDecisionService,
  ) {}

  async replayReference(reference: string, dryRun: boolean, trigger: TriageTrigger): Promise<ReplayResult> {
    const [row] = (await this.dataSource.query(`SELECT id, personal_data_erased_at FROM complaints WHERE reference = $1`, [reference])) as Array<{ id: string; personal_data_erased_at: Date | null }>;
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case has the reference ${reference}`, 404);
    if (row.personal_data_erased_at) throw new DomainError('CASE.PERSONAL_DATA_ERASED', 'The complaint’s words have been erased, so it cannot be triaged again', 409);
    return this.replay(row.id, dryRun, trigger);
  }

  async replay(complaintId: string, dryRun: boolean, trigger: TriageTrigger): Promise<ReplayResult> {
    const [current] = (await this.dataSource.query(
      `SELECT c.reference, c.override_category, r.category, r.ruleset_version
         FROM complaints c
         LEFT JOIN LATERAL (SELECT category, ruleset_version FROM triage_runs WHERE complaint_id = c.id ORDER BY completed_at DESC LIMIT 1) r ON true
        WHERE c.id = $1`,
      [complaintId],
    )) as Array<{ reference: string; override_category: Category | null; category: Category | null; ruleset_version: string | null }>;
    const category = current.ruleset_version === RULESET_VERSION ? current.category! : await this.evaluate(complaintId);
    const changed = category !== current.category;
    let recorded = false;
    if (changed && !dryRun) {
      // The same queued steps would do; run them in-process so a replay of thousands does not wait on the queue.
      for (const run of [() => this.steps.analyse([complaintId]), ...RULE_STEP_NAMES.map((step) => () => this.steps.run(step, [complaintId]))]) {
        const { failed } = await run();
        if (failed.length) throw new Error(failed[0].error);
      }
      recorded = (await this.decision.decide(complaintId, trigger)) !== null;
    }
    return {
      reference: current.reference,
      previousCategory: current.category,
      previousVersion: current.ruleset_version,
      category,
      changed,
      recorded,
      overrideInForce: current.override_category,
    };
  }

  /** The category the current rules give, computed without storing anything. */
  private async evaluate(complaintId: string): Promise<Category> {
    const facts = await this.facts.load(complaintId, true);
    if (!facts) throw new DomainError('CASE.NOT_FOUND', `complaint ${complaintId} does not exist`, 404);
    return triageInProcess(facts).decision.category;
  }
}
