import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { MEASURE as M } from './stats-measures.js';
import { monthsBetween, shapeFigures, type StatsFigures, type SummaryRow } from './stats-figures.js';
import { LONDON, wholeMonths, type StatsPeriod } from './stats-period.js';
import { StatsRollupService } from './stats-rollup.service.js';

/**
 * The period's summary rows, summed: whole months from stats_monthly, the days of part-months at either end from
 * stats_daily. Open deadlines and next due dates are stored by due date, so whether one is overdue is decided here,
 * against today's London date ($3): a deadline falls due at the end of its day. $4 and $5 bound the whole months
 * (first day included, last excluded; null = unbounded).
 */
const PERIOD_ROWS = `
WITH summary AS (
  SELECT month AS day, measure, k1, k2, k3, n FROM stats_monthly
   WHERE month >= coalesce($4::date, '-infinity') AND month < coalesce($5::date, 'infinity')
  UNION ALL
  SELECT day, measure, k1, k2, k3, n FROM stats_daily
   WHERE day BETWEEN coalesce($1::date, '-infinity') AND coalesce($2::date, 'infinity')
     AND (day < coalesce($4::date, '-infinity') OR day >= coalesce($5::date, 'infinity'))
)
SELECT measure,
       CASE WHEN measure = '${M.nextDue}' THEN CASE WHEN k1 < $3 THEN 'overdue' ELSE 'open' END ELSE k1 END AS k1,
       CASE WHEN measure = '${M.deadline}' AND k2 = 'open' AND k3 < $3 THEN 'overdue' ELSE k2 END AS k2,
       CASE WHEN measure IN ('${M.deadline}', '${M.nextDue}') THEN '' ELSE k3 END AS k3,
       CASE WHEN measure IN ('${M.cases}', '${M.category}') THEN to_char(day, 'YYYY-MM') ELSE '' END AS month,
       sum(n)::int AS n
  FROM summary
 GROUP BY 1, 2, 3, 4, 5`;


/** The panel's figures for a period of receipt, from the summary table, brought up to date first. */
@Injectable()
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rollup: StatsRollupService,
  ) {}

  async figures(period: StatsPeriod): Promise<StatsFigures> {
    await this.rollup.catchUp(period);
    const now = new Date();
    const today = DateTime.fromJSDate(now, { zone: LONDON }).toISODate()!;
    const months = wholeMonths(period);
    const rows = (await this.dataSource.query(PERIOD_ROWS, [period.from, period.to, today, months.first, months.end])) as SummaryRow[];
    return shapeFigures(rows, period, this.monthsToShow(period, rows, today), now);
  }

  /** The months to chart: the period's, up to this month; for an open period, those with cases. */
  private monthsToShow(period: StatsPeriod, rows: SummaryRow[], today: string): string[] {
    const withCases = rows.filter((r) => r.measure === M.cases).map((r) => r.month).sort();
    const first = period.from?.slice(0, 7) ?? withCases[0];
    const lastWanted = [period.to ?? withCases.at(-1) ?? today, today].sort()[0].slice(0, 7);
    if (!first) return [];
    return monthsBetween(first, lastWanted < first ? first : lastWanted);
  }
}
