import type { StoredEvent } from './case-event-row.js';
import { ChainVerifier } from './chain-verifier.js';
import { eventHash, GENESIS_HASH } from './event-hash.js';

/** A valid chain of n events, as the appender writes them. */
function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= n; sequence++) {
    const fields = { sequence, occurredAt: new Date(Date.UTC(2026, 10, 25, 10, 0, sequence)).toISOString(), reference: `PCC-AAAA-${1000 + sequence}`, actor: 'system', type: 'complaint.received', details: { complaintId: `id-${sequence}`, n: sequence } };
    const hash = eventHash(prevHash, fields);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

function verify(events: StoredEvent[], anchor?: { sequence: number; hash: string }) {
  const verifier = new ChainVerifier(anchor);
  for (const event of events) verifier.check(event);
  return verifier.result();
}

describe('ChainVerifier', () => {
  it('accepts an intact chain and an empty log', () => {
    const events = chain(5);
    expect(verify(events)).toEqual({ ok: true, events: 5, firstBrokenSequence: null, reason: null, head: { sequence: 5, hash: events[4].hash } });
    expect(verify([])).toEqual({ ok: true, events: 0, firstBrokenSequence: null, reason: null, head: null });
  });

  it('reports a changed row at its own sequence, and keeps counting after it', () => {
    const events = chain(6);
    events[2] = { ...events[2], details: { ...events[2].details, n: 99 } };
    expect(verify(events)).toMatchObject({ ok: false, events: 6, firstBrokenSequence: 3, reason: 'hash' });
  });

  it('does not care about key order in details, as jsonb does not keep it', () => {
    const events = chain(2);
    events[1] = { ...events[1], details: { n: 2, complaintId: 'id-2' } };
    expect(verify(events).ok).toBe(true);
  });

  it('reports a row re-hashed after a change at the next sequence, whose prev_hash no longer matches', () => {
    const events = chain(4);
    const changed = { ...events[1], actor: 'user:someone-else' };
    events[1] = { ...changed, hash: eventHash(changed.prevHash, changed) };
    expect(verify(events)).toMatchObject({ ok: false, firstBrokenSequence: 3, reason: 'prev_hash' });
  });

  it('reports a deleted row as the missing sequence', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verify(events)).toMatchObject({ ok: false, events: 4, firstBrokenSequence: 2, reason: 'gap' });
  });

  it('reports a log that does not start at 1', () => {
    expect(verify(chain(3).slice(1))).toMatchObject({ ok: false, firstBrokenSequence: 1, reason: 'gap' });
  });

  it('catches events cut from the end, or a rewritten prefix, against an anchor seen earlier', () => {
    const events = chain(5);
    expect(verify(events, { sequence: 5, hash: events[4].hash }).ok).toBe(true);
    expect(verify(events.slice(0, 3), { sequence: 5, hash: events[4].hash })).toMatchObject({ ok: false, firstBrokenSequence: 4, reason: 'anchor' });
    expect(verify(events, { sequence: 4, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, firstBrokenSequence: 4, reason: 'anchor' });
  });
});
