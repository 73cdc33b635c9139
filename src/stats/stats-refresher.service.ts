import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { StatsRollupService } from './stats-rollup.service.js';

/**
 * Worker processes keep the statistics' summary close to the case log (STATS_REFRESH_SECONDS), so a request seldom
 * has more than a few days to rebuild. Correctness never depends on it: every request catches up first.
 */
@Injectable()
export class StatsRefresherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Statistics');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly env: Environment,
    private readonly rollup: StatsRollupService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.env.STATS_REFRESH_SECONDS;
    if (seconds > 0) this.timer = setInterval(() => void this.refresh(), seconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async refresh(): Promise<void> {
    if (this.running) return;
    this.running = this.rollup
      .catchUp()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'the statistics summary could not be refreshed; the next request or refresh tries again'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
