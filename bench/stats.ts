import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { financialYearOf } from '../src/stats/stats-period.js';
import { StatsRollupService } from '../src/stats/stats-rollup.service.js';
import { submitComplaints, timeRequests, type Latency } from './load.js';

export interface StatsMeasure {
  cases: number;
  rebuildSeconds: number;
  /** Rows of stats_daily and stats_monthly together. */
  summaryRows: number;
  lastYear: Latency;
  financialYear: Latency;
  csv: Latency;
  /** The /stats page itself: figures, three SVG charts and every table. */
  page: Latency;
  afterIntake: { complaints: number; firstMs: number; then: Latency };
}

/**
 * The statistics at the database's present size: the summary rebuilt from nothing (seeded rows have no case-log
 * events), then a year's figures over HTTP, the last 365 days (every seeded case) and the current financial year,
 * the CSV, and the first request after new complaints, which has to catch up with them.
 */
export async function measureStats(baseUrl: string, token: string, databaseUrl: string, start: number): Promise<StatsMeasure> {
  const db = new DataSource(dataSourceOptions({ DATABASE_URL: databaseUrl }));
  await db.initialize();
  try {
    const [{ n: cases }] = (await db.query(`SELECT count(*)::int AS n FROM complaints`)) as Array<{ n: number }>;
    const started = performance.now();
    await new StatsRollupService(db).rebuildAll();
    const rebuildSeconds = Math.round((performance.now() - started) / 100) / 10;
    await db.query('ANALYZE stats_daily');
    const today = DateTime.now().setZone('Europe/London');
    const lastYearPath = `/api/stats?from=${today.minus({ days: 364 }).toISODate()}&to=${today.toISODate()}`;
    const [{ n: summaryRows }] = (await db.query(`SELECT (SELECT count(*) FROM stats_daily) + (SELECT count(*) FROM stats_monthly) AS n`)) as Array<{ n: number }>;
    const lastYear = await timeRequests(baseUrl, lastYearPath, token, 200);
    const financialYear = await timeRequests(baseUrl, `/api/stats?year=${financialYearOf(today.toISODate()!)}`, token, 200);
    const csv = await timeRequests(baseUrl, lastYearPath.replace('/api/stats', '/api/stats.csv'), token, 50);
    const page = await timeRequests(baseUrl, lastYearPath.replace('/api/stats', '/stats'), token, 50);
    const intake = await submitComplaints(baseUrl, { connections: 10, amount: 1000, start });
    const first = await timeRequests(baseUrl, lastYearPath, token, 1);
    const then = await timeRequests(baseUrl, lastYearPath, token, 100);
    return { cases, rebuildSeconds, summaryRows, lastYear, financialYear, csv, page, afterIntake: { complaints: intake.requests, firstMs: first.max, then } };
  } finally {
    await db.destroy();
  }
}
