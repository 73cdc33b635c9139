import { DateTime } from 'luxon';
import { nonWorkingReason, ZONE } from '../calendar/working-day-calendar.js';

export const CALENDAR_FIRST_YEAR = 2000;

export interface WorkingDayNumber {
  day: string;
  ordinal: number;
}

/**
 * Each London date from 1 January 2000 to the end of `lastYear` with the count of working days up to it, from the
 * same bank-holiday calendar the deadlines use, so a median in working days agrees with how deadlines were set.
 */
export function workingDayNumbers(lastYear: number): WorkingDayNumber[] {
  const days: WorkingDayNumber[] = [];
  let count = 0;
  for (let day = DateTime.fromObject({ year: CALENDAR_FIRST_YEAR, month: 1, day: 1 }, { zone: ZONE }); day.year <= lastYear; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (!nonWorkingReason(date)) count += 1;
    days.push({ day: date, ordinal: count });
  }
  return days;
}
