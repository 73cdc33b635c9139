import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { StoredEvent } from './case-event-row.js';
import { csvEncoder, EXPORT_COLUMNS, jsonLinesEncoder, neutraliseCell } from './export-format.js';

const event = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  sequence: 1,
  occurredAt: '2026-11-25T10:00:00.000Z',
  reference: 'PCC-AAAA-BBBB',
  actor: 'system',
  type: 'complaint.received',
  details: { b: 1, a: 'x' },
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  ...overrides,
});

const encode = (encoder: ReturnType<typeof csvEncoder>, events: StoredEvent[]) => text(Readable.from(events).pipe(encoder));

describe('CSV formula neutralisation', () => {
  it.each(['=cmd|" /C calc"!A0', '+1+1', '-2+3', '@SUM(A1:A2)', '\tx', '\rx'])('puts an apostrophe before %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(['PCC-AAAA-BBBB', 'complaint.received', '', "'=already text", ' =space first', '{"a":"=x"}'])('leaves %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe('export encoders', () => {
  it('writes a CSV header and one quoted, neutralised record an event, details as canonical JSON', async () => {
    const csv = await encode(csvEncoder(), [event(), event({ sequence: 2, reference: '=HYPERLINK("http://x")', type: '@evil', actor: '-1', details: { note: 'line one\nline "two"' } })]);
    expect(csv.split('\r\n')[0]).toBe(EXPORT_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ sequence: '1', occurredAt: '2026-11-25T10:00:00.000Z', reference: 'PCC-AAAA-BBBB', actor: 'system', type: 'complaint.received', details: '{"a":"x","b":1}', prevHash: '0'.repeat(64), hash: 'a'.repeat(64) });
    expect(rows[1]).toMatchObject({ reference: `'=HYPERLINK("http://x")`, type: "'@evil", actor: "'-1" });
    expect(JSON.parse(rows[1].details)).toEqual({ note: 'line one\nline "two"' });
  });

  it('writes a null reference as an empty cell', async () => {
    const rows = parse(await encode(csvEncoder(), [event({ reference: null })]), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0].reference).toBe('');
  });

  it('writes JSON Lines with the values exactly as stored, one event a line', async () => {
    const events = [event(), event({ sequence: 2, reference: '=1+2', details: { note: 'a\nb' } })];
    const lines = (await encode(jsonLinesEncoder(), events)).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(events);
  });
});
