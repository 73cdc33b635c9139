import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { Environment } from '../config/environment.js';
import { navigation } from '../web/navigation.js';
import { annualReportPdf } from './annual-report-pdf.js';
import { annualReport, type AnnualReport } from './annual-report.js';
import { chartSvg } from './charts/chart-svg.js';
import { periodChoices } from './stats-page-form.js';
import { financialYear, financialYearOf, LONDON } from './stats-period.js';
import { StatsService } from './stats.service.js';

/** The last complete financial year, which an annual report is usually about. */
const lastCompleteYear = (today: string) => {
  const current = financialYearOf(today);
  return financialYearOf(`${+current.slice(0, 4)}-03-31`);
};

/** The panel's annual report: a printable page, and the same as a PDF laid out as a panel paper. */
@ApiExcludeController()
@Roles('officer', 'auditor')
@Controller('reports')
export class AnnualReportController {
  constructor(
    private readonly stats: StatsService,
    private readonly env: Environment,
  ) {}

  @Get('annual')
  async page(@Query('year') year: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const today = DateTime.now().setZone(LONDON).toISODate()!;
    const chosen = year?.trim() || lastCompleteYear(today);
    const common = { staff, years: periodChoices(today).years, chosen, navigation: navigation(staff, '/stats') };
    if (!financialYear(chosen)) {
      return reply.status(400).view('annual-report.njk', { ...common, errorList: [{ text: 'Select a financial year', href: '#year' }] });
    }
    const report = await this.report(chosen);
    await reply.view('annual-report.njk', {
      ...common,
      report,
      charts: report.figures.map((f) => ({ ...f, svg: chartSvg(f.chart, `${f.id}-summary`) })),
    });
  }

  @Get('annual.pdf')
  async pdf(@Query('year') year: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (!year || !financialYear(year)) throw new BadRequestException(['year must be a financial year like 2026-27']);
    const pdf = await annualReportPdf(await this.report(year));
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="annual-report-${year}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  private async report(year: string): Promise<AnnualReport> {
    return annualReport(year, await this.stats.figures(financialYear(year)!), this.env);
  }
}
