import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { ANALYSE_STEP, DECIDE_STEP, RULE_STEP_NAMES } from './rules/rule.types.js';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageQueueService } from './triage-queue.service.js';

const LIMIT = 1000;

/**
 * The database is the truth: a complaint stored but still untriaged TRIAGE_SWEEP_SECONDS later (Redis restarted empty, a job
 * lost) is queued again. Job ids make this harmless when the first jobs are still waiting.
 */
@Injectable()
export class TriageSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TriageSweeperService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly env: Environment,
    private readonly dataSource: DataSource,
    private readonly triageQueue: TriageQueueService,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.max(1000, (this.env.TRIAGE_SWEEP_SECONDS * 1000) / 2);
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT c.id,
              EXISTS (SELECT 1 FROM triage_step_results r WHERE r.complaint_id = c.id AND r.ruleset_version = $1 AND r.step = $4) AS analysed,
              (SELECT count(*) FROM triage_step_results r
                WHERE r.complaint_id = c.id AND r.ruleset_version = $1 AND r.step = ANY($2))::int AS steps_done
         FROM complaints c
        WHERE c.status = 'received' AND c.personal_data_erased_at IS NULL AND c.updated_at < now() - make_interval(secs => $3)
        ORDER BY c.updated_at LIMIT ${LIMIT}`,
      [RULESET_VERSION, RULE_STEP_NAMES, this.env.TRIAGE_SWEEP_SECONDS, ANALYSE_STEP],
    )) as Array<{ id: string; analysed: boolean; steps_done: number }>;
    if (!rows.length) return 0;
    const complete = rows.filter((r) => r.steps_done === RULE_STEP_NAMES.length);
    // Alone, not in batches: each job id is the complaint's own, so one still waiting (or dead-lettered) is not queued twice.
    await this.triageQueue.requestAlone(ANALYSE_STEP, rows.filter((r) => !r.analysed).map((r) => r.id));
    const analysed = rows.filter((r) => r.analysed && r.steps_done < RULE_STEP_NAMES.length).map((r) => r.id);
    for (const step of RULE_STEP_NAMES) await this.triageQueue.requestAlone(step, analysed);
    await this.triageQueue.requestAlone(DECIDE_STEP, complete.map((r) => r.id));
    this.logger.log({ count: rows.length }, 're-queued complaints still awaiting triage');
    return rows.length;
  }
}
