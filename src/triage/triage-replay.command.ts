import { Command, CommandRunner, Option } from 'nest-commander';
import { TriageReplayRunner, type ReplayOptions } from './triage-replay-runner.service.js';

/** npm run triage:replay -- [--since YYYY-MM-DD] [--dry-run] */
@Command({ name: 'replay', description: 'Run the current rule set over past complaints and report (or record) what changes' })
export class TriageReplayCommand extends CommandRunner {
  constructor(private readonly runner: TriageReplayRunner) {
    super();
  }

  async run(_: string[], options: ReplayOptions): Promise<void> {
    await this.runner.run(options);
  }

  @Option({ flags: '--since <date>', description: 'only complaints received on or after this date (YYYY-MM-DD)' })
  parseSince(value: string): Date {
    const date = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) throw new Error('--since must be a date, YYYY-MM-DD');
    return date;
  }

  @Option({ flags: '--dry-run', description: 'report only; store nothing' })
  parseDryRun(): boolean {
    return true;
  }
}
