import { Module } from '@nestjs/common';
import { StatsRefresherService } from './stats-refresher.service.js';
import { StatsRollupService } from './stats-rollup.service.js';

/** What a worker process adds: keeping the statistics' summary up to date between requests. */
@Module({ providers: [StatsRollupService, StatsRefresherService] })
export class StatsWorkerModule {}
