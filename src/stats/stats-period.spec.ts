import { financialYearOf, parsePeriod, wholeMonths } from './stats-period.js';

describe('parsePeriod', () => {
  it('turns a financial year into April to March', () => {
    expect(parsePeriod({ year: '2026-27' }).period).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
    expect(parsePeriod({ year: '2099-00' }).errors).toEqual({ year: expect.stringMatching(/^year must be a financial year/) });
    expect(parsePeriod({ year: '1999-00' }).errors?.year).toBeDefined(); // before the calendar the medians count with
  });

  it('turns a quarter into its three calendar months, leap days included', () => {
    expect(parsePeriod({ quarter: '2026-Q3' }).period).toMatchObject({ from: '2026-07-01', to: '2026-09-30', label: '2026-Q3 (July to September 2026)' });
    expect(parsePeriod({ quarter: '2028-Q1' }).period).toMatchObject({ from: '2028-01-01', to: '2028-03-31' });
    expect(parsePeriod({ quarter: '2026-Q4' }).period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('takes dates with either end open, and refuses impossible ones by name', () => {
    expect(parsePeriod({ from: '2024-02-29' }).period).toMatchObject({ from: '2024-02-29', to: null, label: 'from 29 February 2024' });
    expect(parsePeriod({}).period).toEqual({ from: null, to: null, label: 'every case received' });
    expect(parsePeriod({ from: '2026-02-29', to: '2026-13-01' }).errors).toEqual({
      from: expect.stringMatching(/^from must be a real date/),
      to: expect.stringMatching(/^to must be a real date/),
    });
    expect(parsePeriod({ from: '2026-5-1' }).errors?.from).toBeDefined();
    expect(parsePeriod({ from: '2026-05-02', to: '2026-05-01' }).errors).toEqual({ to: 'to must be the same as or after from' });
  });

  it('refuses a shortcut mixed with anything else', () => {
    expect(parsePeriod({ year: '2026-27', to: '2026-05-01' }).errors?.year).toMatch(/cannot be combined with to/);
    expect(parsePeriod({ quarter: '2026-Q1', year: '2026-27' }).errors?.quarter).toMatch(/cannot be combined with year/);
    expect(parsePeriod({ year: '2026-27', from: '' }).period).toBeDefined(); // an empty form field is no value
  });

  it('names the financial year of a date', () => {
    expect(financialYearOf('2027-03-31')).toBe('2026-27');
    expect(financialYearOf('2027-04-01')).toBe('2027-28');
    expect(financialYearOf('2099-12-31')).toBe('2099-00');
  });
});

describe('wholeMonths', () => {
  it('finds the whole months inside a period, for the monthly summary', () => {
    expect(wholeMonths({ from: '2026-04-01', to: '2027-03-31' })).toEqual({ first: '2026-04-01', end: '2027-04-01' });
    expect(wholeMonths({ from: '2026-04-02', to: '2026-06-29' })).toEqual({ first: '2026-05-01', end: '2026-06-01' });
    expect(wholeMonths({ from: '2026-03-05', to: '2026-03-20' })).toEqual({ first: '2026-04-01', end: '2026-03-01' });
    expect(wholeMonths({ from: null, to: '2024-02-29' })).toEqual({ first: null, end: '2024-03-01' });
    expect(wholeMonths({ from: '2026-01-31', to: null })).toEqual({ first: '2026-02-01', end: null });
  });
});
