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

function verify(events: StoredEvent[], checkpoints: Array<{ sequence: number; hash: string }> = []) {
  const verifier = new ChainVerifier(checkpoints);
  for (const event of events) verifier.check(event);
  return verifier.result();
}

describe('ChainVerifier', () => {
  it('accepts an intact chain and an empty log', () => {
    const events = chain(5);
    expect(verify(events)).toEqual({ ok: true, events: 5, firstBrokenSequence: null, reason: null, head: { sequence: 5, hash: events[4].hash }, unchangedThrough: null });
    expect(verify([])).toEqual({ ok: true, events: 0, firstBrokenSequence: null, reason: null, head: null, unchangedThrough: null });
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

  it('catches events cut from the end, or a rewritten prefix, against a checkpoint signed earlier', () => {
    const events = chain(5);
    expect(verify(events, [{ sequence: 5, hash: events[4].hash }]).ok).toBe(true);
    expect(verify(events.slice(0, 3), [{ sequence: 5, hash: events[4].hash }])).toMatchObject({ ok: false, firstBrokenSequence: 4, reason: 'checkpoint' });
    expect(verify(events, [{ sequence: 4, hash: 'f'.repeat(64) }])).toMatchObject({ ok: false, firstBrokenSequence: 4, reason: 'checkpoint' });
  });

  it('finds a rewrite that re-hashed every later event at the first checkpoint it contradicts, after the last it still matches', () => {
    const original = chain(9);
    const rewritten = rehashFrom(original, 5, { n: 99 });
    expect(verify(rewritten).ok).toBe(true); // internally consistent: only a head kept from before tells
    const at = (n: number) => ({ sequence: n, hash: original[n - 1].hash });
    expect(verify(rewritten, [at(2), at(4), at(7), at(9)])).toMatchObject({ ok: false, firstBrokenSequence: 7, reason: 'checkpoint', unchangedThrough: 4 });
    expect(verify(rewritten, [at(5)])).toMatchObject({ ok: false, firstBrokenSequence: 5, unchangedThrough: 0 });
  });

  it('says which checkpoints the chain still matches', () => {
    const original = chain(6);
    const matcher = new ChainVerifier([{ sequence: 3, hash: original[2].hash }, { sequence: 6, hash: original[5].hash }]);
    for (const event of rehashFrom(original, 4, { n: 0 })) matcher.check(event);
    matcher.result();
    expect(matcher.matches({ sequence: 3, hash: original[2].hash })).toBe(true);
    expect(matcher.matches({ sequence: 6, hash: original[5].hash })).toBe(false);
    expect(matcher.matches({ sequence: 0, hash: GENESIS_HASH })).toBe(true);
  });

  it('refuses a sequence for which two checkpoints hold different hashes', () => {
    const events = chain(3);
    expect(verify(events, [{ sequence: 2, hash: events[1].hash }, { sequence: 2, hash: 'e'.repeat(64) }])).toMatchObject({ ok: false, firstBrokenSequence: 2, reason: 'checkpoint' });
  });

  it('can start after a known head, to check only what was appended since', () => {
    const events = chain(6);
    const verifier = new ChainVerifier([{ sequence: 6, hash: events[5].hash }], { sequence: 3, hash: events[2].hash });
    for (const event of events.slice(3)) verifier.check(event);
    expect(verifier.result()).toMatchObject({ ok: true, events: 3 });
    const wrongStart = new ChainVerifier([], { sequence: 3, hash: 'a'.repeat(64) });
    for (const event of events.slice(3)) wrongStart.check(event);
    expect(wrongStart.result()).toMatchObject({ ok: false, firstBrokenSequence: 4, reason: 'prev_hash' });
  });
});

/** What a superuser does: change one event, then recompute its hash and every later one so the chain links again. */
function rehashFrom(events: StoredEvent[], sequence: number, details: Record<string, unknown>): StoredEvent[] {
  let prevHash = events[sequence - 2]?.hash ?? GENESIS_HASH;
  return events.map((event) => {
    if (event.sequence < sequence) return event;
    const fields = event.sequence === sequence ? { ...event, details } : event;
    const hash = eventHash(prevHash, fields);
    const rewritten = { ...fields, prevHash, hash };
    prevHash = hash;
    return rewritten;
  });
}
