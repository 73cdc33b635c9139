import { Injectable } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { RULESET_VERSION } from './rules/ruleset.js';
import { TriageReplayService, type ReplayResult } from './triage-replay.service.js';

export interface ReplayOptions {
  since?: Date;
  dryRun?: boolean;
}

export interface ReplaySummary {
  total: number;
  changed: ReplayResult[];
}

const BATCH = 500;

/** Replays every triaged complaint received since a date, in keyset pages, with a progress bar and a summary. */
@Injectable()
export class TriageReplayRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replay: TriageReplayService,
  ) {}

  async run(options: ReplayOptions, print: (line: string) => void = console.log): Promise<ReplaySummary> {
    const since = options.since ?? new Date(0);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM complaints WHERE received_at >= $1 AND triage_category IS NOT NULL AND personal_data_erased_at IS NULL`,
      [since],
    )) as Array<{ total: number }>;
    print(`replaying ${total} triaged complaints received since ${since.toISOString().slice(0, 10)} with rule set ${RULESET_VERSION}${options.dryRun ? ' (dry run: nothing is stored)' : ''}`);
    const bar = new SingleBar({ format: 'replay [{bar}] {value}/{total} {eta}s left', noTTYOutput: true, notTTYSchedule: 2000 });
    bar.start(total, 0);
    const changed: ReplayResult[] = [];
    let after = { at: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const page = (await this.dataSource.query(
        `SELECT id, received_at FROM complaints
          WHERE received_at >= $1 AND triage_category IS NOT NULL AND personal_data_erased_at IS NULL AND (received_at, id) > ($2, $3)
          ORDER BY received_at, id LIMIT ${BATCH}`,
        [since, after.at, after.id],
      )) as Array<{ id: string; received_at: Date }>;
      if (!page.length) break;
      for (const row of page) {
        const result = await this.replay.replay(row.id, !!options.dryRun, 'replay');
        if (result.changed) changed.push(result);
        bar.increment();
      }
      after = { at: page.at(-1)!.received_at, id: page.at(-1)!.id };
    }
    bar.stop();
    print(`${changed.length} of ${total} would change category${options.dryRun ? '' : `; ${changed.filter((c) => c.recorded).length} new triages recorded`}`);
    for (const c of changed) {
      const override = c.overrideInForce ? ` (officer's override to ${c.overrideInForce} stays in force)` : '';
      print(`  ${c.reference}: ${c.previousCategory} -> ${c.category} (was ${c.previousVersion})${override}`);
    }
    return { total, changed };
  }
}
