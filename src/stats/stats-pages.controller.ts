import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { navigation } from '../web/navigation.js';
import { chartSvg } from './charts/chart-svg.js';
import { periodChoices, readPageForm, type StatsPageQuery } from './stats-page-form.js';
import { financialYearOf, LONDON, type StatsPeriod } from './stats-period.js';
import { confusionTables, countTables, statsFigures } from './stats-view.js';
import { StatsService } from './stats.service.js';
import { methodNotes } from './annual-report.js';
import { Environment } from '../config/environment.js';

const errorList = (errors: Record<string, string>) => Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));

/** Where the same figures can be downloaded, or printed as the annual report. */
function links(period: StatsPeriod): { csv: string; report: string | null } {
  const query = new URLSearchParams();
  if (period.from) query.set('from', period.from);
  if (period.to) query.set('to', period.to);
  const fullYear = period.from && period.to && period.from.endsWith('-04-01') && period.to === `${+period.from.slice(0, 4) + 1}-03-31`;
  return { csv: `/api/stats.csv?${query}`, report: fullYear ? `/reports/annual?year=${financialYearOf(period.from!)}` : null };
}

/** The statistics page for officers, auditors and admins: a period form, charts with their tables and summaries. */
@ApiExcludeController()
@Roles('officer', 'auditor')
@Controller('stats')
export class StatsPagesController {
  constructor(
    private readonly stats: StatsService,
    private readonly env: Environment,
  ) {}

  @Get()
  async page(@Query() query: StatsPageQuery, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const today = DateTime.now().setZone(LONDON).toISODate()!;
    const form = readPageForm(query, today);
    const common = { staff, form, choices: periodChoices(today), errorList: errorList(form.errors), navigation: navigation(staff, '/stats') };
    if (!form.period) return reply.status(400).view('stats.njk', common);
    const figures = await this.stats.figures(form.period);
    await reply.view('stats.njk', {
      ...common,
      figures,
      charts: statsFigures(figures).map((f) => ({ ...f, svg: chartSvg(f.chart, `${f.id}-summary`) })),
      counts: countTables(figures),
      confusion: confusionTables(figures),
      links: links(form.period),
      method: methodNotes(this.env),
    });
  }
}
