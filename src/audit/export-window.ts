import { parseCalendarDate, parseInstant, startOfLondonDay } from '../common/dates.js';

/** A calendar date (YYYY-MM-DD) or a date-time with its offset; a date-time without one would be ambiguous. */
export function isDateOrInstant(value: unknown): value is string {
  return parseCalendarDate(value) !== null || parseInstant(value) !== null;
}

export interface ExportWindow {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  until?: Date;
}

/**
 * The instants an export covers. Dates are whole days in London, both ends included, as an auditor means
 * "from 1 to 30 November"; date-times are instants, both ends included.
 */
export function exportWindow(from?: string, to?: string): ExportWindow {
  const window: ExportWindow = {};
  if (from) window.from = startOf(from);
  if (to) window.until = parseCalendarDate(to) ? startOfLondonDay(to, 1) : new Date(startOf(to).getTime() + 1);
  return window;
}

/** The first instant a valid date or date-time names. */
function startOf(value: string): Date {
  return parseCalendarDate(value) ? startOfLondonDay(value) : parseInstant(value)!;
}
