import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller.js';
import { StatsRollupService } from './stats-rollup.service.js';
import { StatsService } from './stats.service.js';

/** The panel's statistics: the summary table, /api/stats, the /stats page and the annual report. */
@Module({
  controllers: [StatsController],
  providers: [StatsRollupService, StatsService],
  exports: [StatsRollupService, StatsService],
})
export class StatsModule {}
