import { parseCalendarDate, parseInstant } from './dates.js';

describe('strict dates', () => {
  it('accepts real calendar dates and refuses impossible or malformed ones', () => {
    expect(parseCalendarDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseCalendarDate('2024-02-29')).not.toBeNull();
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', '', 20260101]) {
      expect(parseCalendarDate(bad)).toBeNull();
    }
  });

  it('accepts instants with an offset and refuses impossible days, times and offsets', () => {
    expect(parseInstant('2026-12-24T10:00:00Z')?.toISOString()).toBe('2026-12-24T10:00:00.000Z');
    expect(parseInstant('2026-12-24T10:00+05:30')?.toISOString()).toBe('2026-12-24T04:30:00.000Z');
    expect(parseInstant('2026-12-24T10:00:00.123456-14:00')).not.toBeNull();
    for (const bad of [
      '2026-02-30T10:00:00Z', '2026-12-24T24:00:00Z', '2026-12-24T10:60:00Z', '2026-12-24T10:00:61Z', '2026-12-24T10:00:00+99:99',
      '2026-12-24T10:00:00+14:30', '2026-12-24T10:00:00+05:60', '2026-12-24T10:00:00', '2026-12-24 10:00:00Z', '2026-12-24', 'yesterday',
    ]) {
      expect(parseInstant(bad)).toBeNull();
    }
  });
});
