import { Module } from '@nestjs/common';
import { AnnualReportController } from './annual-report.controller.js';
import { StatsPagesController } from './stats-pages.controller.js';
import { StatsController } from './stats.controller.js';
import { StatsRollupService } from './stats-rollup.service.js';
import { StatsService } from './stats.service.js';

/** The panel's statistics: the summary table, /api/stats, the /stats page and the annual report. */
@Module({
  controllers: [StatsController, StatsPagesController, AnnualReportController],
  providers: [StatsRollupService, StatsService],
  exports: [StatsRollupService, StatsService],
})
export class StatsModule {}
