import { analyseStep } from '../rules/analyse.step.js';
import { storeEach, type Failure } from '../../common/store-each.js';
import { computeTriage, type BaseFacts } from './triage-compute.js';

const facts = (summary: string, details: string): BaseFacts => ({
  summary, details, subjectRole: 'pcc', subjectName: null, incidentDate: null, receivedAt: '2026-11-02T10:00:00.000Z',
  hasName: true, hasPostalAddress: false, earlierComplaints: [],
});

describe('a batch computes each complaint on its own', () => {
  const good = facts('The commissioner did not reply to my letters', 'I wrote three times and never had a reply from the commissioner.');
  const analysis = JSON.stringify(analyseStep(good.summary, good.details, null).findings);

  it('a rule that throws for one complaint fails that complaint alone; the others get their verdicts', () => {
    const items = Array.from({ length: 20 }, (_, n) => ({ id: `c${n}`, facts: good, analysis: n === 7 ? '{"spoilt": true}' : analysis }));
    const outcomes = computeTriage({ kind: 'step', step: 'conduct', items });
    expect(outcomes.map((o) => o.id)).toEqual(items.map((i) => i.id));
    expect(outcomes.filter((o) => !o.ok).map((o) => o.id)).toEqual(['c7']);
    expect(outcomes.filter((o) => o.ok).every((o) => o.ok && o.verdict === 'conduct')).toBe(true);
  });

  it('gives the same verdict in a batch as alone', () => {
    const alone = computeTriage({ kind: 'step', step: 'remit', items: [{ id: 'a', facts: good, analysis }] });
    const batch = computeTriage({ kind: 'step', step: 'remit', items: [{ id: 'x', facts: facts('Bins', 'The council has not collected the bins.'), analysis: JSON.stringify(analyseStep('Bins', 'The council has not collected the bins.', null).findings) }, { id: 'a', facts: good, analysis }] });
    expect(batch[1]).toEqual(alone[0]);
  });
});

describe('storeEach: one broken row does not lose the rest', () => {
  const refused = Object.assign(new Error('invalid input syntax'), { code: '22P02' });

  it('writes the batch in one go when it can', async () => {
    const writes: string[][] = [];
    const failed: Failure[] = [];
    const rows = [{ id: 'a' }, { id: 'b' }];
    expect(await storeEach(rows, failed, async (batch) => writes.push(batch.map((r) => r.id)))).toEqual(rows);
    expect(writes).toEqual([['a', 'b']]);
    expect(failed).toEqual([]);
  });

  it('when Postgres refuses a row, writes the others alone and sets that one aside', async () => {
    const failed: Failure[] = [];
    const written = await storeEach([{ id: 'a' }, { id: 'bad' }, { id: 'c' }], failed, async (batch) => {
      if (batch.some((r) => r.id === 'bad')) throw refused;
    });
    expect(written.map((r) => r.id)).toEqual(['a', 'c']);
    expect(failed).toEqual([{ id: 'bad', error: expect.stringContaining('refused'), unrecoverable: false }]);
  });

  it('any other error (a lost connection) fails the whole batch, to be tried again', async () => {
    const lost = new Error('Connection terminated unexpectedly');
    await expect(storeEach([{ id: 'a' }, { id: 'b' }], [], async () => Promise.reject(lost))).rejects.toBe(lost);
  });
});
