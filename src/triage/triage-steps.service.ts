import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ComputeOutcome } from './batch/triage-compute.js';
import { TriageThreads } from './batch/triage-threads.service.js';
import { storeEach, type Failure } from '../common/store-each.js';
import { jsonColumn, jsonColumnSql } from '../database/json-column.js';
import { preparedQuery } from '../database/prepared-query.js';
import { ANALYSE_STEP, RULE_STEP_NAMES, type StepName } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageFactsService } from './triage-facts.service.js';

export interface StepBatchResult {
  /** Complaints whose step is now stored (by this job or earlier), or, for the rule steps, that have every rule step stored. */
  ready: string[];
  /** Complaints that could not be done in this batch (missing, the rule threw, the row was refused): re-queued alone. */
  failed: Failure[];
}

/** Runs one step for a batch of complaints and stores every verdict once, in one statement. */
@Injectable()
export class TriageStepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: TriageFactsService,
    private readonly threads: TriageThreads,
  ) {}

  /** The first step: reads each complaint once and stores the analysis every other step uses. */
  async analyse(complaintIds: readonly string[]): Promise<StepBatchResult> {
    const found = await this.facts.batch(complaintIds, ANALYSE_STEP, false);
    const failed = missing(complaintIds, found);
    const todo = [...found.values()].filter((f) => !f.done && !f.erased);
    const outcomes = await this.threads.run({
      kind: 'analyse',
      items: todo.map((f) => ({ id: f.id, summary: f.facts.summary, details: f.facts.details, subjectName: f.facts.subjectName })),
    });
    const stored = await this.store(ANALYSE_STEP, outcomes, failed);
    for (const o of outcomes) if (o.ok && o.analysis && stored.has(o.id)) this.facts.remember(o.id, o.analysis);
    const ready = [...found.values()].filter((f) => !f.erased && (f.done || stored.has(f.id))).map((f) => f.id);
    return { ready, failed };
  }

  /** One rule step for a batch. `ready`: the complaints of the batch that now have every rule step stored. */
  async run(step: StepName, complaintIds: readonly string[]): Promise<StepBatchResult> {
    const found = await this.facts.batch(complaintIds, step, step === 'repetition');
    const failed = missing(complaintIds, found);
    const todo = [...found.values()].filter((f) => !f.done && !f.erased);
    for (const f of todo) if (f.analysis === null) failed.push({ id: f.id, error: `complaint ${f.id}: the analysis is not stored`, unrecoverable: false });
    const outcomes = await this.threads.run({
      kind: 'step',
      step,
      items: todo.filter((f) => f.analysis !== null).map((f) => ({ id: f.id, facts: f.facts, analysis: f.analysis! })),
    });
    await this.store(step, outcomes, failed);
    // Fan-in by counting, not BullMQ flows: a complaint set aside from a batch finishes its step in a job of its own
    // that no flow would know about, so it must be counted anyway, and a flow's parent waits forever on a child that
    // failed for good. Counted after the insert has committed, never in the same statement: of two step jobs of one
    // batch finishing at once, the later one then always sees both and queues the decision (in one statement neither
    // would see the other); the decision's job id, a hash of the complaints, makes the two requests one.
    const complete = await preparedQuery<{ id: string }>(
      this.dataSource,
      'triage-steps-complete',
      `SELECT complaint_id AS id FROM triage_step_results
        WHERE complaint_id = ANY($1::uuid[]) AND ruleset_version = $2 AND step = ANY($3)
        GROUP BY complaint_id HAVING count(*) = $4`,
      [[...found.keys()], RULESET_VERSION, RULE_STEP_NAMES, RULE_STEP_NAMES.length],
    );
    return { ready: complete.map((r) => r.id), failed };
  }

  /**
   * Stores every good outcome in one statement and adds the bad ones to `failed`. Nothing is stored for a complaint
   * whose personal data has been erased: its words would come back in the quotes. The share lock orders this with an
   * erasure (which locks the complaint for update), so a step read before an erasure either commits first and is
   * scrubbed by it, or finds the complaint erased. Returns the complaints whose result is stored.
   */
  private async store(step: string, outcomes: ComputeOutcome[], failed: Failure[]): Promise<Set<string>> {
    const good = outcomes.filter((o) => o.ok);
    for (const o of outcomes) if (!o.ok) failed.push({ id: o.id, error: o.error, unrecoverable: false });
    const stored = await storeEach(good, failed, (rows) =>
      preparedQuery(
        this.dataSource,
        'triage-step-store',
        `INSERT INTO triage_step_results (id, complaint_id, step, ruleset_version, verdict, evidence, findings, analysis, completed_at)
         SELECT gen_random_uuid(), c.id, $1::varchar, $2::varchar, i.verdict, i.evidence, i.findings, i.analysis, now()
           FROM unnest($3::uuid[], $4::varchar[], ${jsonColumnSql('$5')}::jsonb[], ${jsonColumnSql('$6')}::jsonb[], ${jsonColumnSql('$7')}) AS i(complaint_id, verdict, evidence, findings, analysis)
           JOIN complaints c ON c.id = i.complaint_id
          WHERE c.personal_data_erased_at IS NULL
          ORDER BY c.id
            FOR SHARE OF c
         ON CONFLICT (complaint_id, step, ruleset_version) DO NOTHING`,
        [step, RULESET_VERSION, rows.map((r) => r.id), rows.map((r) => r.verdict), jsonColumn(rows.map((r) => r.evidence)), jsonColumn(rows.map((r) => r.findings)), jsonColumn(rows.map((r) => r.analysis))],
      ),
    );
    return new Set(stored.map((o) => o.id));
  }
}

function missing(complaintIds: readonly string[], found: Map<string, unknown>): Failure[] {
  return complaintIds.filter((id) => !found.has(id)).map((id) => ({ id, error: `complaint ${id} does not exist`, unrecoverable: true }));
}
