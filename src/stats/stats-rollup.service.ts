import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DECISIONS, STOPPING } from './stats-measures.js';
import { ALL_DAYS, BUILD_DAYS, BUILD_MONTHS, CHAINED_EVENT_DAYS, QUEUED_EVENT_DAYS } from './stats-rollup.sql.js';
import { workingDayNumbers } from './working-day-numbers.js';

/** One summary builder at a time, in any process: two rebuilding the same day would both insert its rows. */
const ROLLUP_LOCK = 0x57a7_5001;
const DAYS_PER_TRANSACTION = 31;
const CALENDAR_YEARS_AHEAD = 5;

export interface DayRange {
  from: string | null;
  to: string | null;
}

/**
 * Keeps the summary table (stats_daily) in step with the cases, reading the case log as its feed of changes.
 *
 * Every change to a case commits together with its case-log event, so the days of receipt named by events after
 * the last sequence read (and by events still waiting to be chained) are exactly the days whose figures may have
 * changed. Those days are marked dirty, then rebuilt whole from the cases, never adjusted by increments: a
 * replayed job, a retried request or two processes doing this at once cannot count anything twice, and a day
 * rebuilt while a case changes is simply marked and rebuilt again. Changes made to the tables by hand, bypassing
 * the application, write no event: `npm run stats:rebuild` rebuilds everything.
 */
@Injectable()
export class StatsRollupService {
  private readonly logger = new Logger('Statistics');
  private calendarSynced = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Brings the summary of the days in `range` up to date with every change committed before the call. */
  async catchUp(range: DayRange = { from: null, to: null }): Promise<void> {
    if (!(await this.hasWork(range))) return;
    await this.markChangedDays();
    await this.buildDirtyDays(range);
  }

  /** Marks every day dirty and rebuilds it: after changes made by hand, or to measure the build. */
  async rebuildAll(): Promise<number> {
    await this.locked((manager) => this.markEveryDay(manager));
    return this.buildDirtyDays({ from: null, to: null });
  }

  private async hasWork(range: DayRange): Promise<boolean> {
    if (!this.calendarSynced) return true;
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT last_sequence FROM stats_state WHERE id = 1) IS DISTINCT FROM (SELECT coalesce(max(sequence), 0) FROM case_events)
              OR EXISTS (SELECT 1 FROM case_event_queue WHERE reference IS NOT NULL)
              OR EXISTS (SELECT 1 FROM stats_dirty_days WHERE day BETWEEN coalesce($1::date, '-infinity') AND coalesce($2::date, 'infinity')) AS work`,
      [range.from, range.to],
    )) as Array<{ work: boolean }>;
    return row.work;
  }

  /** Reads the case log from where it last stopped and marks the days of receipt it names. */
  private async markChangedDays(): Promise<void> {
    await this.locked(async (manager) => {
      const [state] = (await manager.query(`SELECT last_sequence FROM stats_state WHERE id = 1`)) as Array<{ last_sequence: string }>;
      if (!state) return this.markEveryDay(manager); // the first run
      // Waiting events first, then the head: an event chained in between is then below the head, never missed.
      await manager.query(`INSERT INTO stats_dirty_days (day) ${QUEUED_EVENT_DAYS} ON CONFLICT DO NOTHING`);
      const head = await this.chainHead(manager);
      if (head !== state.last_sequence) {
        await manager.query(`INSERT INTO stats_dirty_days (day) ${CHAINED_EVENT_DAYS} ON CONFLICT DO NOTHING`, [state.last_sequence, head]);
        await manager.query(`UPDATE stats_state SET last_sequence = $1, updated_at = now() WHERE id = 1`, [head]);
      }
    });
  }

  /** Rebuilds the dirty days in `range`, and their months, a month of days a transaction. Returns how many days were rebuilt. */
  private async buildDirtyDays(range: DayRange): Promise<number> {
    let built = 0;
    for (;;) {
      const days = await this.locked(async (manager) => {
        const rows = (await manager.query(
          `SELECT day::text AS day FROM stats_dirty_days WHERE day BETWEEN coalesce($1::date, '-infinity') AND coalesce($2::date, 'infinity') ORDER BY day LIMIT ${DAYS_PER_TRANSACTION}`,
          [range.from, range.to],
        )) as Array<{ day: string }>;
        const dirty = rows.map((r) => r.day);
        if (!dirty.length) return dirty;
        // The planner's estimates for a list of days are far too high; compiling the statement would cost more than running it.
        await manager.query(`SET LOCAL jit = off`);
        await manager.query(`DELETE FROM stats_daily WHERE day = ANY($1::date[])`, [dirty]);
        await manager.query(BUILD_DAYS, [dirty, DECISIONS, STOPPING]);
        const months = [...new Set(dirty.map((day) => `${day.slice(0, 7)}-01`))];
        await manager.query(`DELETE FROM stats_monthly WHERE month = ANY($1::date[])`, [months]);
        await manager.query(BUILD_MONTHS, [months]);
        await manager.query(`DELETE FROM stats_dirty_days WHERE day = ANY($1::date[])`, [dirty]);
        return dirty;
      });
      if (!days.length) return built;
      built += days.length;
    }
  }

  /**
   * Writes the working-day calendar the medians count with. When a bank holiday is added or moved (a new
   * date-holidays release), the numbers change and every day is rebuilt.
   */
  private async syncCalendar(manager: EntityManager): Promise<void> {
    const days = workingDayNumbers(new Date().getUTCFullYear() + CALENDAR_YEARS_AHEAD);
    const changed = (await manager.query(
      `INSERT INTO stats_working_days (day, ordinal) SELECT * FROM unnest($1::date[], $2::int[])
       ON CONFLICT (day) DO UPDATE SET ordinal = EXCLUDED.ordinal WHERE stats_working_days.ordinal <> EXCLUDED.ordinal
       RETURNING (xmax <> 0) AS updated`,
      [days.map((d) => d.day), days.map((d) => d.ordinal)],
    )) as Array<{ updated: boolean }>;
    if (changed.some((row) => row.updated)) {
      this.logger.warn('the bank-holiday calendar changed: every day of the statistics will be rebuilt');
      await manager.query(`INSERT INTO stats_dirty_days (day) ${ALL_DAYS} ON CONFLICT DO NOTHING`);
    }
  }

  /**
   * Marks every day of receipt dirty and reads the log from its head on. The head is read before the cases, so a
   * case added meanwhile is either among the days marked or named by an event after the head.
   */
  private async markEveryDay(manager: EntityManager): Promise<void> {
    const head = await this.chainHead(manager);
    await manager.query(`INSERT INTO stats_dirty_days (day) ${ALL_DAYS} ON CONFLICT DO NOTHING`);
    await manager.query(
      `INSERT INTO stats_state (id, last_sequence, updated_at) VALUES (1, $1, now())
       ON CONFLICT (id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, updated_at = now()`,
      [head],
    );
  }

  private async chainHead(manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(`SELECT coalesce(max(sequence), 0)::text AS head FROM case_events`)) as Array<{ head: string }>;
    return row.head;
  }

  /** Runs `work` holding the builder's lock; the first time in this process, writes the calendar first. */
  private async locked<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let calendarWritten = false;
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`);
      if (!this.calendarSynced) {
        await this.syncCalendar(manager);
        calendarWritten = true;
      }
      return work(manager);
    });
    if (calendarWritten) this.calendarSynced = true; // only once committed
    return result;
  }
}
