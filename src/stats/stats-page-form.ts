import { DateTime } from 'luxon';
import { financialYearOf, LONDON, parsePeriod, type PeriodInput, type StatsPeriod } from './stats-period.js';

/** The period form's fields, as the browser sends them (a GET, so the figures' address can be kept or shared). */
export interface StatsPageQuery {
  period?: string;
  year?: string;
  quarter?: string;
  from?: string;
  to?: string;
  'from-day'?: string;
  'from-month'?: string;
  'from-year'?: string;
  'to-day'?: string;
  'to-month'?: string;
  'to-year'?: string;
}

export const PAGE_FIELDS = ['period', 'year', 'quarter', 'from', 'to', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'] as const;

export type PageErrors = Record<string, string>;

export interface PageForm {
  period?: StatsPeriod;
  /** Field id (as in the form) → a message a person understands. */
  errors: PageErrors;
  /** What the form shows: the choice and the values given. */
  values: { period: 'year' | 'quarter' | 'dates'; year: string; quarter: string; from: DateParts; to: DateParts };
}

interface DateParts {
  day: string;
  month: string;
  year: string;
}

const partsOf = (iso: string | null | undefined): DateParts => {
  const [year, month, day] = (iso ?? '').split('-');
  return iso ? { day: String(+day), month: String(+month), year } : { day: '', month: '', year: '' };
};

/** The date typed into a GOV.UK date input as YYYY-MM-DD; '' when left empty; null when incomplete or not a date. */
function dateFromParts(p: DateParts): string | null | '' {
  if (!p.day && !p.month && !p.year) return '';
  if (!/^\d{1,2}$/.test(p.day) || !/^\d{1,2}$/.test(p.month) || !/^\d{4}$/.test(p.year)) return null;
  const date = DateTime.fromObject({ year: +p.year, month: +p.month, day: +p.day }, { zone: LONDON });
  return date.isValid ? date.toISODate() : null;
}

/**
 * Reads the period form. With nothing chosen, the financial year to date. The API's own parameters (from, to,
 * quarter, year) work too, so a link from elsewhere can name a period.
 */
export function readPageForm(query: StatsPageQuery, today: string): PageForm {
  const trimmed = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : ''])) as StatsPageQuery;
  const from: DateParts = { day: trimmed['from-day'] ?? '', month: trimmed['from-month'] ?? '', year: trimmed['from-year'] ?? '' };
  const to: DateParts = { day: trimmed['to-day'] ?? '', month: trimmed['to-month'] ?? '', year: trimmed['to-year'] ?? '' };
  const chosen = trimmed.period || (trimmed.quarter ? 'quarter' : trimmed.from || trimmed.to ? 'dates' : 'year');
  const values: PageForm['values'] = {
    period: chosen === 'quarter' || chosen === 'dates' ? chosen : 'year',
    year: trimmed.year || financialYearOf(today),
    quarter: trimmed.quarter ?? '',
    from: trimmed.period ? from : partsOf(trimmed.from),
    to: trimmed.period ? to : partsOf(trimmed.to),
  };
  const errors: PageErrors = {};
  let input: PeriodInput;
  if (values.period === 'year') input = { year: values.year };
  else if (values.period === 'quarter') {
    if (!values.quarter) errors.quarter = 'Select a quarter';
    input = { quarter: values.quarter };
  } else {
    const fromDate = trimmed.period ? dateFromParts(from) : (trimmed.from ?? '');
    const toDate = trimmed.period ? dateFromParts(to) : (trimmed.to ?? '');
    if (fromDate === null) errors['from-day'] = 'The start date must be a real date, for example 1 4 2026';
    if (toDate === null) errors['to-day'] = 'The end date must be a real date, for example 31 3 2027';
    if (fromDate === '' && toDate === '') errors['from-day'] = 'Enter a start date, an end date or both';
    input = { from: fromDate || undefined, to: toDate || undefined };
  }
  if (Object.keys(errors).length) return { errors, values };
  const { period, errors: invalid } = parsePeriod(input);
  if (invalid) {
    if (invalid.year) errors.year = 'Select a financial year';
    if (invalid.quarter) errors.quarter = 'Select a quarter';
    if (invalid.from) errors['from-day'] = 'The start date must be a real date between 2000 and 2099';
    if (invalid.to) errors['to-day'] = invalid.to.includes('after') ? 'The end date must be the same as or after the start date' : 'The end date must be a real date between 2000 and 2099';
    return { errors, values };
  }
  return { period, errors, values };
}

/** The financial years and quarters the form offers: the last six years, newest first. */
export function periodChoices(today: string): { years: string[]; quarters: Array<{ value: string; text: string }> } {
  const thisYear = +financialYearOf(today).slice(0, 4);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  const date = DateTime.fromISO(today, { zone: LONDON });
  const quarters = Array.from({ length: 12 }, (_, i) => date.minus({ months: 3 * i })).map((d) => {
    const q = Math.ceil(d.month / 3);
    const first = d.set({ month: (q - 1) * 3 + 1 });
    return { value: `${d.year}-Q${q}`, text: `${first.toFormat('LLLL')} to ${first.plus({ months: 2 }).toFormat('LLLL yyyy')} (${d.year}-Q${q})` };
  });
  return { years, quarters };
}
