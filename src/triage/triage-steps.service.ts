import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { analyseStep } from './rules/analyse.step.js';
import { RULE_STEPS } from './rules/index.js';
import { ANALYSE_STEP, RULE_STEP_NAMES, type StepName, type StepVerdict } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageFactsService } from './triage-facts.service.js';

/** Runs one step for one complaint and stores its verdict once. */
@Injectable()
export class TriageStepsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: TriageFactsService,
  ) {}

  /** The first step: reads the complaint once and stores the analysis every other step uses. */
  async analyse(complaintId: string): Promise<void> {
    const text = await this.facts.text(complaintId);
    if (!text) throw new UnrecoverableError(`complaint ${complaintId} does not exist`);
    const result = analyseStep(text.summary, text.details, text.subjectName);
    await this.store(complaintId, ANALYSE_STEP, result);
    this.facts.remember(complaintId, result.findings);
  }

  /** Returns true when, after this step, every rule step of the current rule set has a stored result. */
  async run(step: StepName, complaintId: string): Promise<boolean> {
    const rule = RULE_STEPS[step];
    if (!rule) throw new UnrecoverableError(`unknown triage step ${step}`);
    const facts = await this.facts.load(complaintId, step === 'repetition');
    if (!facts) throw new UnrecoverableError(`complaint ${complaintId} does not exist`);
    await this.store(complaintId, step, rule.run(facts));
    // Counted after the insert has committed, never in the same statement: of two steps finishing at once, the later
    // one then always sees both and queues the decision (in one statement neither would see the other).
    const [{ done }] = (await this.dataSource.query(
      `SELECT count(*)::int AS done FROM triage_step_results WHERE complaint_id = $1 AND ruleset_version = $2 AND step = ANY($3)`,
      [complaintId, RULESET_VERSION, RULE_STEP_NAMES],
    )) as Array<{ done: number }>;
    return done === RULE_STEP_NAMES.length;
  }

  /**
   * Stores nothing for a complaint whose personal data has been erased: its words would come back in the quotes. The
   * share lock orders this with an erasure (which locks the complaint for update), so a step read before an erasure
   * either commits first and is scrubbed by it, or finds the complaint erased.
   */
  private async store(complaintId: string, step: string, result: StepVerdict): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO triage_step_results (id, complaint_id, step, ruleset_version, verdict, evidence, findings, completed_at)
       SELECT $1::uuid, c.id, $3::varchar, $4::varchar, $5::varchar, $6::jsonb, $7::jsonb, now() FROM complaints c WHERE c.id = $2::uuid AND c.personal_data_erased_at IS NULL FOR SHARE
       ON CONFLICT (complaint_id, step, ruleset_version) DO NOTHING`,
      [randomUUID(), complaintId, step, RULESET_VERSION, result.verdict, JSON.stringify(result.evidence), JSON.stringify(result.findings)],
    );
  }
}
