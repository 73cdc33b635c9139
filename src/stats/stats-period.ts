import { DateTime } from 'luxon';
import { parseCalendarDate } from '../common/dates.js';

export const LONDON = 'Europe/London';

/** The days of receipt a set of figures counts: both ends included, London dates; null = no bound. */
export interface StatsPeriod {
  from: string | null;
  to: string | null;
  /** How a person would name it: "financial year 2026-27", "2026-Q3 (July to September 2026)", "1 April 2026 to …". */
  label: string;
}

export interface PeriodInput {
  from?: string;
  to?: string;
  quarter?: string;
  year?: string;
}

export type PeriodField = keyof PeriodInput;
export type PeriodResult = { period: StatsPeriod; errors?: undefined } | { period?: undefined; errors: Partial<Record<PeriodField, string>> };

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2099;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const FINANCIAL_YEAR = /^(\d{4})-(\d{2})$/;

const spoken = (isoDate: string) => DateTime.fromISO(isoDate, { zone: LONDON }).toFormat('d LLLL yyyy');

/** A real calendar date written YYYY-MM-DD (the service's one strict parser), in the years the calendar covers; else null. */
export function strictDate(value: string): string | null {
  const date = parseCalendarDate(value);
  return date && date.year >= EARLIEST_YEAR && date.year <= LATEST_YEAR ? value : null;
}

/** The financial year (April to March) that holds a London date, as "2026-27". */
export function financialYearOf(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: LONDON });
  const start = date.month >= 4 ? date.year : date.year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** "2026-27" → 1 April 2026 to 31 March 2027, or null when it is not a financial year. */
export function financialYear(value: string): StatsPeriod | null {
  const match = FINANCIAL_YEAR.exec(value);
  if (!match) return null;
  const start = +match[1];
  if (start < EARLIEST_YEAR || start >= LATEST_YEAR || +match[2] !== (start + 1) % 100) return null;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31`, label: `financial year ${value} (1 April ${start} to 31 March ${start + 1})` };
}

/** "2026-Q3" → the calendar quarter July to September 2026, or null. */
export function quarter(value: string): StatsPeriod | null {
  const match = QUARTER.exec(value);
  if (!match) return null;
  const year = +match[1];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  const first = DateTime.fromObject({ year, month: (+match[2] - 1) * 3 + 1, day: 1 }, { zone: LONDON });
  const last = first.plus({ months: 3 }).minus({ days: 1 });
  return { from: first.toISODate()!, to: last.toISODate()!, label: `${value} (${first.toFormat('LLLL')} to ${last.toFormat('LLLL yyyy')})` };
}

/**
 * The period asked for: a financial year, a calendar quarter, or dates (either end may be left open); nothing means
 * every case ever received. Each problem names its field, as a person would need to fix it.
 */
export function parsePeriod(input: PeriodInput): PeriodResult {
  const given = (Object.keys(input) as PeriodField[]).filter((k) => input[k] !== undefined && input[k] !== '');
  const errors: Partial<Record<PeriodField, string>> = {};
  const shortcuts = given.filter((k) => k === 'quarter' || k === 'year');
  if (shortcuts.length && given.length > 1) {
    const field = shortcuts[0];
    errors[field] = `${field} cannot be combined with ${given.filter((k) => k !== field).join(' or ')}: give a financial year, a quarter, or from and to dates`;
    return { errors };
  }
  if (input.year) {
    const period = financialYear(input.year);
    return period ? { period } : { errors: { year: 'year must be a financial year like 2026-27 (April 2026 to March 2027)' } };
  }
  if (input.quarter) {
    const period = quarter(input.quarter);
    return period ? { period } : { errors: { quarter: 'quarter must be a year and quarter like 2026-Q3 (July to September 2026)' } };
  }
  const from = input.from ? strictDate(input.from) : null;
  const to = input.to ? strictDate(input.to) : null;
  if (input.from && !from) errors.from = `from must be a real date in the form YYYY-MM-DD, between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
  if (input.to && !to) errors.to = `to must be a real date in the form YYYY-MM-DD, between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
  if (from && to && to < from) errors.to = 'to must be the same as or after from';
  if (Object.keys(errors).length) return { errors };
  const label = from && to ? `${spoken(from)} to ${spoken(to)}` : from ? `from ${spoken(from)}` : to ? `up to ${spoken(to)}` : 'every case received';
  return { period: { from, to, label } };
}

/** The whole months inside a period: [first day of the first, first day after the last); null = unbounded. */
export function wholeMonths(period: Pick<StatsPeriod, 'from' | 'to'>): { first: string | null; end: string | null } {
  const first = period.from === null ? null : period.from.endsWith('-01') ? period.from : startOfMonth(period.from, 1);
  const lastDay = period.to && DateTime.fromISO(period.to).endOf('month').toISODate();
  const end = period.to === null ? null : period.to === lastDay ? startOfMonth(period.to, 1) : startOfMonth(period.to, 0);
  return { first, end };
}

const startOfMonth = (date: string, plusMonths: number) => DateTime.fromISO(date).startOf('month').plus({ months: plusMonths }).toISODate()!;
