import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { StoredEvent } from './case-event-row.js';
import { jsonLinesEncoder } from './export-format.js';

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

describe('JSON Lines encoder', () => {
  it('writes the values exactly as stored, one event a line', async () => {
    const events = [event(), event({ sequence: 2, reference: '=1+2', details: { note: 'a\nb' } })];
    const lines = (await text(Readable.from(events).pipe(jsonLinesEncoder()))).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(events);
  });
});
