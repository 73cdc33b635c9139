import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const ZONE = 'Europe/London';

// England and Wales share their bank holidays; date-holidays keeps the rules (substitute days included) up to date.
const holidays = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });

export interface SkippedDay {
  date: string;
  why: string;
}

export interface WorkingDaysResult {
  /** The local date the count starts from (day 0), in Europe/London. */
  startDate: string;
  dueDate: string;
  /** The end of the due date, Europe/London. */
  dueAt: Date;
  skipped: SkippedDay[];
}

// date-holidays works its rules out afresh on every call (milliseconds each), so each year is worked out once.
const bankHolidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The bank holidays of England and Wales in a year: date (YYYY-MM-DD) → name. */
export function bankHolidays(year: number): ReadonlyMap<string, string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    days = new Map(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

/** Why a local date (YYYY-MM-DD) is not a working day, or null when it is one. */
export function nonWorkingReason(isoDate: string): string | null {
  const day = DateTime.fromISO(isoDate, { zone: ZONE });
  if (day.weekday === 6) return 'Saturday';
  if (day.weekday === 7) return 'Sunday';
  const holiday = bankHolidays(day.year).get(isoDate);
  return holiday ? `bank holiday: ${holiday}` : null;
}

// The answer depends only on the London date of the start and the count: worked out once, then remembered.
const computed = new Map<string, WorkingDaysResult>();
// en-CA formats as YYYY-MM-DD; one formatter, reused, is far cheaper than building zoned date-times per call.
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The end of the nth working day after the local date of `from` (that day itself is day 0), with every
 * weekend day and bank holiday passed over on the way, so the calculation can be shown.
 */
export function addWorkingDays(from: Date, workingDays: number): WorkingDaysResult {
  const startDate = londonDate.format(from);
  const key = `${startDate}+${workingDays}`;
  let result = computed.get(key);
  if (!result) {
    result = countWorkingDays(startDate, workingDays);
    if (computed.size > 5000) computed.clear();
    computed.set(key, result);
  }
  return { ...result, skipped: [...result.skipped] };
}

function countWorkingDays(startDate: string, workingDays: number): WorkingDaysResult {
  const skipped: SkippedDay[] = [];
  let day = DateTime.fromISO(startDate, { zone: ZONE });
  for (let counted = 0; counted < workingDays; ) {
    day = day.plus({ days: 1 });
    const date = day.toISODate()!;
    const why = nonWorkingReason(date);
    if (why) skipped.push({ date, why });
    else counted++;
  }
  return { startDate, dueDate: day.toISODate()!, dueAt: day.endOf('day').toJSDate(), skipped };
}

/** Working days from `from` up to `to` (negative when `to` is earlier), by local date. */
export function workingDaysBetween(from: Date, to: Date): number {
  let a = DateTime.fromJSDate(from, { zone: ZONE }).startOf('day');
  const b = DateTime.fromJSDate(to, { zone: ZONE }).startOf('day');
  const sign = b >= a ? 1 : -1;
  let count = 0;
  while (sign > 0 ? a < b : a > b) {
    a = a.plus({ days: sign });
    if (!nonWorkingReason(a.toISODate()!)) count += sign;
  }
  return count;
}
