import { Command, CommandRunner } from 'nest-commander';
import { StatsRollupService } from './stats-rollup.service.js';

/** npm run stats:rebuild: rebuilds the statistics' summary from the cases, e.g. after changes made to the tables by hand. */
@Command({ name: 'stats-rebuild', description: "Rebuild the statistics' summary table from the cases" })
export class StatsRebuildCommand extends CommandRunner {
  constructor(private readonly rollup: StatsRollupService) {
    super();
  }

  async run(): Promise<void> {
    const started = performance.now();
    const days = await this.rollup.rebuildAll();
    console.log(`rebuilt the statistics of ${days} days of receipt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
