import { canonicalJson } from '../common/canonical-json.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';

describe('event hash chain', () => {
  const event = { sequence: 1, occurredAt: '2026-11-25T10:00:00.000Z', reference: 'PCC-AAAA-BBBB', actor: 'complainant', type: 'complaint.received', details: { b: 1, a: [1, { d: 2, c: 3 }] } };

  it('serialises objects with sorted keys, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: null }] } })).toBe('{"a":{"c":[3,{"e":null,"f":1}],"d":2},"b":1}');
    expect(eventHash(GENESIS_HASH, event)).toBe(eventHash(GENESIS_HASH, { ...event, details: { a: [1, { c: 3, d: 2 }], b: 1 } }));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = eventHash(GENESIS_HASH, event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS_HASH, { ...event, actor: 'system' })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...event, details: { b: 2, a: [1, { d: 2, c: 3 }] } })).not.toBe(base);
    expect(eventHash('1'.repeat(64), event)).not.toBe(base);
  });
});
