import type { Environment } from '../config/environment.js';

export interface RetentionSchedule {
  monthsAfterClosure: number;
  /** Null when the panel keeps cases by closure alone. */
  monthsAfterTermEnd: number | null;
  intervalHours: number;
}

export const scheduleOf = (env: Environment): RetentionSchedule => ({
  monthsAfterClosure: env.RETENTION_MONTHS_AFTER_CLOSURE,
  monthsAfterTermEnd: env.RETENTION_MONTHS_AFTER_TERM_END,
  intervalHours: env.RETENTION_INTERVAL_HOURS,
});

/**
 * When a closed case's personal data falls due for erasure: months after its closure and, when the panel keeps cases
 * until after the office holder leaves office, months after that too; the later of the two. Null: not yet known
 * (the office holder's term end is not recorded). Months are calendar months in SQL (`interval`), as here.
 */
export const RETENTION_DUE_SQL = `
  CASE WHEN $2::int IS NOT NULL AND term.ended_on IS NULL THEN NULL
       ELSE greatest(closed.at + make_interval(months => $1::int),
                     CASE WHEN $2::int IS NULL THEN closed.at
                          ELSE ((term.ended_on + 1)::timestamp AT TIME ZONE 'Europe/London') + make_interval(months => $2::int) END) END`;
