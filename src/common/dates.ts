import { DateTime } from 'luxon';

/**
 * The one strict reading of dates for every field the service accepts. A date must exist on the calendar
 * (2026-02-30 does not, and is refused rather than rolled over to 2 March); a time must have hours 00-23 and minutes
 * and seconds 00-59; an instant must carry its offset (Z or ±HH:MM), at most 14 hours from UTC as real offsets are.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):([0-5]\d))$/;
const LARGEST_OFFSET_MINUTES = 14 * 60;

/** A calendar date written YYYY-MM-DD that exists, else null. */
export function parseCalendarDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string') return null;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  return DateTime.utc(year, month, day).isValid ? { year, month, day } : null;
}

/** An ISO 8601 date-time with its offset that exists, as an instant, else null. */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value);
  if (!match || !parseCalendarDate(match[1])) return null;
  const [offsetHours, offsetMinutes] = [Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if (offsetHours * 60 + offsetMinutes > LARGEST_OFFSET_MINUTES) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** The start of a calendar day in London (the panel's day), plus some days; the date must already be valid. */
export function startOfLondonDay(date: string, plusDays = 0): Date {
  return DateTime.fromISO(date, { zone: 'Europe/London' }).plus({ days: plusDays }).toJSDate();
}
