import { bankHolidays } from '../calendar/working-day-calendar.js';

export const CALENDAR_FIRST_YEAR = 2000;
const DAY_MS = 86_400_000;

export interface WorkingDayNumber {
  day: string;
  ordinal: number;
}

/**
 * Each date from 1 January 2000 to the end of `lastYear` with the count of working days up to it, from the same
 * bank-holiday calendar the deadlines use, so a median in working days agrees with how deadlines were set. Plain
 * calendar dates, so UTC arithmetic is exact here (and some forty times faster than zoned date-times).
 */
export function workingDayNumbers(lastYear: number): WorkingDayNumber[] {
  const days: WorkingDayNumber[] = [];
  let count = 0;
  for (let time = Date.UTC(CALENDAR_FIRST_YEAR, 0, 1); new Date(time).getUTCFullYear() <= lastYear; time += DAY_MS) {
    const date = new Date(time);
    const iso = date.toISOString().slice(0, 10);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    if (!weekend && !bankHolidays(date.getUTCFullYear()).has(iso)) count += 1;
    days.push({ day: iso, ordinal: count });
  }
  return days;
}
