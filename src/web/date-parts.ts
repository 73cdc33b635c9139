import { parseCalendarDate } from '../common/dates.js';

/** GOV.UK date input parts as YYYY-MM-DD: '' when all empty, null when not a real date (the one strict parser decides). */
export function dateFromParts(day = '', month = '', year = ''): string | null | '' {
  if (!day.trim() && !month.trim() && !year.trim()) return '';
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  return parseCalendarDate(iso) ? iso : null;
}
