import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { MEASURE as M } from './stats-measures.js';
import { monthsBetween, shapeFigures, type StatsFigures, type SummaryRow } from './stats-figures.js';
import { LONDON, type StatsPeriod } from './stats-period.js';
import { StatsRollupService } from './stats-rollup.service.js';

/**
 * The period's summary rows, summed. Open deadlines and next due dates are stored by due date, so whether one is
 * overdue is decided here, against today's London date: a deadline falls due at the end of its day.
 */
const PERIOD_ROWS = `
SELECT measure,
       CASE WHEN measure = '${M.nextDue}' THEN CASE WHEN k1 < $3 THEN 'overdue' ELSE 'open' END ELSE k1 END AS k1,
       CASE WHEN measure = '${M.deadline}' AND k2 = 'open' AND k3 < $3 THEN 'overdue' ELSE k2 END AS k2,
       CASE WHEN measure IN ('${M.deadline}', '${M.nextDue}') THEN '' ELSE k3 END AS k3,
       CASE WHEN measure IN ('${M.cases}', '${M.category}') THEN to_char(day, 'YYYY-MM') ELSE '' END AS month,
       sum(n)::int AS n
  FROM stats_daily
 WHERE day BETWEEN coalesce($1::date, '-infinity') AND coalesce($2::date, 'infinity')
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
    const rows = (await this.dataSource.query(PERIOD_ROWS, [period.from, period.to, today])) as SummaryRow[];
    return shapeFigures(rows, period, this.months(period, rows, today), now);
  }

  /** The months to chart: the period's, up to this month; for an open period, those with cases. */
  private months(period: StatsPeriod, rows: SummaryRow[], today: string): string[] {
    const withCases = rows.filter((r) => r.measure === M.cases).map((r) => r.month).sort();
    const first = period.from?.slice(0, 7) ?? withCases[0];
    const lastWanted = [period.to ?? withCases.at(-1) ?? today, today].sort()[0].slice(0, 7);
    if (!first) return [];
    return monthsBetween(first, lastWanted < first ? first : lastWanted);
  }
}
