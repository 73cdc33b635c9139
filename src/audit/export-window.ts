import { DateTime } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A calendar date (YYYY-MM-DD) or a date-time with its offset; a date-time without one would be ambiguous. */
export function isDateOrInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (DATE_ONLY.test(value)) return DateTime.fromISO(value, { zone: 'Europe/London' }).isValid;
  return DATE_TIME_WITH_OFFSET.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
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
  if (to) window.until = DATE_ONLY.test(to) ? startOf(to, 1) : new Date(startOf(to).getTime() + 1);
  return window;
}

function startOf(value: string, plusDays = 0): Date {
  if (DATE_ONLY.test(value)) return DateTime.fromISO(value, { zone: 'Europe/London' }).plus({ days: plusDays }).toJSDate();
  return DateTime.fromISO(value, { setZone: true }).toJSDate();
}
