import type { Environment } from '../../config/environment.js';
import { TriageThreads } from './triage-threads.service.js';

describe('TriageThreads: a thread that dies with a batch', () => {
  const items = ['a', 'b', 'c'].map((id) => ({ id, summary: 'The commissioner did not reply', details: 'No reply to three letters.', subjectName: null }));
  const dying = () => {
    const threads = new TriageThreads({ TRIAGE_THREADS: 1 } as Environment);
    // as a pool whose thread ran out of memory in the middle of the task
    Object.assign(threads, { entry: 'thread.js', pool: { run: () => Promise.reject(new Error('Worker terminated due to reaching memory limit')) } });
    return threads;
  };

  it('sends each complaint of the batch back as failed, to be tried alone', async () => {
    const outcomes = await dying().run({ kind: 'analyse', items });
    expect(outcomes).toEqual(items.map((i) => ({ id: i.id, ok: false, error: expect.stringContaining('memory limit') })));
  });

  it('alone, fails the job, so BullMQ retries it and in the end dead-letters that one complaint', async () => {
    await expect(dying().run({ kind: 'analyse', items: items.slice(0, 1) })).rejects.toThrow('memory limit');
  });

  it('with no threads, computes on the calling thread', async () => {
    const outcomes = await new TriageThreads({ TRIAGE_THREADS: 0 } as Environment).run({ kind: 'analyse', items });
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
  });
});
