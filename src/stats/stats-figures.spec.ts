import { histogramMedian, monthsBetween } from './stats-figures.js';
import { statsCsv } from './stats-csv.js';
import { workingDayNumbers } from './working-day-numbers.js';

describe('statistics helpers', () => {
  it('finds the median of a histogram of working days', () => {
    expect(histogramMedian(new Map())).toBeNull();
    expect(histogramMedian(new Map([[3, 1]]))).toBe(3);
    expect(histogramMedian(new Map([[1, 2], [2, 1], [6, 1]]))).toBe(1.5);
    expect(histogramMedian(new Map([[10, 1], [1, 1], [4, 1], [3, 1], [5, 1]]))).toBe(4);
    expect(histogramMedian(new Map([[0, 0], [7, 2]]))).toBe(7);
  });

  it('lists the months between two, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-04', '2026-04')).toEqual(['2026-04']);
  });

  it('numbers working days so that a difference counts the working days between', () => {
    const days = new Map(workingDayNumbers(2027).map((d) => [d.day, d.ordinal]));
    const between = (a: string, b: string) => days.get(b)! - days.get(a)!;
    expect(between('2026-12-24', '2027-01-05')).toBe(5); // Christmas, Boxing Day's substitute, New Year and two weekends passed over
    expect(between('2025-09-15', '2025-11-12')).toBe(42);
    expect(between('2026-12-26', '2026-12-27')).toBe(0);
  });

  it('writes CSV a spreadsheet will not run as a formula', () => {
    const csv = statsCsv({
      period: { from: null, to: null, label: '=HYPERLINK("x")' }, generatedAt: '2026-12-03T00:00:00.000Z', cases: 1, awaitingTriage: 0, overdue: 0,
      byCategory: {}, byTriageCategory: {}, byStatus: {}, byOutcome: {}, byChannel: {}, bySubjectRole: {}, withdrawals: 0,
      repeats: { total: 0, repetitious: 0, duplicate_of_open: 0, repeat_with_new_matter: 0 },
      erasures: { request: 0, retention: 0, total: 0 },
      iopcReferrals: { referred: 0, met: 0, metLate: 0, open: 0, overdue: 0, stopped: 0, medianWorkingDays: null },
      timeliness: {} as never, triageAgreement: {}, overridesByRulesetVersion: {}, byMonth: [],
    });
    expect(csv).toContain(`period,,label,"'=HYPERLINK(""x"")"\r\n`);
    expect(csv.startsWith('section,group,measure,value\r\n')).toBe(true);
  });
});
