import { exportWindow, isDateOrInstant } from './export-window.js';

describe('export window', () => {
  it('takes dates as whole London days, both ends included', () => {
    expect(exportWindow('2026-07-01', '2026-07-31')).toEqual({ from: new Date('2026-06-30T23:00:00Z'), until: new Date('2026-07-31T23:00:00Z') });
    expect(exportWindow('2026-12-01', '2026-12-01')).toEqual({ from: new Date('2026-12-01T00:00:00Z'), until: new Date('2026-12-02T00:00:00Z') });
  });

  it('takes date-times as instants, both ends included', () => {
    expect(exportWindow('2026-11-25T10:00:00+01:00', '2026-11-25T12:00:00.250Z')).toEqual({ from: new Date('2026-11-25T09:00:00Z'), until: new Date('2026-11-25T12:00:00.251Z') });
    expect(exportWindow()).toEqual({});
  });

  it.each([
    ['2026-11-25', true],
    ['2026-11-25T10:00:00Z', true],
    ['2026-11-25T10:00+05:30', true],
    ['2026-02-30', false],
    ['2026-11-25T10:00:00', false],
    ['yesterday', false],
    ['2026-11-25T25:00:00Z', false],
  ])('%s is a date or an instant: %s', (value, valid) => {
    expect(isDateOrInstant(value)).toBe(valid);
  });
});
