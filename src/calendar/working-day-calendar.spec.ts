import { addWorkingDays, nonWorkingReason, workingDaysBetween } from './working-day-calendar.js';

describe('working-day calendar (England and Wales, Europe/London)', () => {
  it('counts 5 working days from Christmas Eve 2026 over Christmas, Boxing Day substitute and New Year', () => {
    const result = addWorkingDays(new Date('2026-12-24T10:00:00Z'), 5);
    expect(result.dueDate).toBe('2027-01-05');
    expect(result.dueAt.toISOString()).toBe('2027-01-05T23:59:59.999Z');
    expect(result.skipped).toEqual([
      { date: '2026-12-25', why: 'bank holiday: Christmas Day' },
      { date: '2026-12-26', why: 'Saturday' },
      { date: '2026-12-27', why: 'Sunday' },
      { date: '2026-12-28', why: 'bank holiday: Boxing Day (substitute day)' },
      { date: '2027-01-01', why: "bank holiday: New Year's Day" },
      { date: '2027-01-02', why: 'Saturday' },
      { date: '2027-01-03', why: 'Sunday' },
    ]);
  });

  it('ends the due day at midnight London time, in British Summer Time too', () => {
    const result = addWorkingDays(new Date('2026-07-01T09:00:00Z'), 1);
    expect(result.dueDate).toBe('2026-07-02');
    expect(result.dueAt.toISOString()).toBe('2026-07-02T22:59:59.999Z');
  });

  it('takes the London date of a late-evening UTC instant in summer', () => {
    // 23:30 UTC on Friday 3 July is 00:30 on Saturday 4 July in London: the count starts from Saturday.
    expect(addWorkingDays(new Date('2026-07-03T23:30:00Z'), 1).dueDate).toBe('2026-07-06');
  });

  it('passes over Easter', () => {
    expect(addWorkingDays(new Date('2027-03-25T12:00:00Z'), 1).dueDate).toBe('2027-03-30');
    expect(nonWorkingReason('2027-03-26')).toBe('bank holiday: Good Friday');
    expect(nonWorkingReason('2027-03-29')).toBe('bank holiday: Easter Monday');
  });

  it('treats ordinary weekdays as working days', () => {
    expect(nonWorkingReason('2026-11-25')).toBeNull();
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(new Date('2026-12-24T10:00:00Z'), new Date('2027-01-05T10:00:00Z'))).toBe(5);
    expect(workingDaysBetween(new Date('2027-01-05T10:00:00Z'), new Date('2026-12-24T10:00:00Z'))).toBe(-5);
  });
});
