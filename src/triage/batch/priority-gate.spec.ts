import { PriorityGate } from './priority-gate.js';

describe('PriorityGate', () => {
  it('lets in up to its width at once, then the waiting by kind order, first come first within a kind', async () => {
    const gate = new PriorityGate(2, ['decide', 'step', 'analyse'] as const);
    const order: string[] = [];
    const admit = (name: string, kind: 'decide' | 'step' | 'analyse') => gate.enter(kind).then(() => order.push(name));
    await admit('a1', 'analyse');
    await admit('a2', 'analyse');
    const later = [admit('a3', 'analyse'), admit('s1', 'step'), admit('d1', 'decide'), admit('s2', 'step')];
    await Promise.resolve();
    expect(order).toEqual(['a1', 'a2']);
    expect(gate.waitingCount).toBe(4);
    for (let i = 0; i < 4; i++) {
      gate.leave();
      await Promise.resolve();
      await Promise.resolve();
    }
    await Promise.all(later);
    expect(order).toEqual(['a1', 'a2', 'd1', 's1', 's2', 'a3']);
    expect(gate.waitingCount).toBe(0);
  });

  it('frees a place when nobody waits, so the next comer goes straight in', async () => {
    const gate = new PriorityGate(1, ['step', 'analyse'] as const);
    await gate.enter('analyse');
    gate.leave();
    let admitted = false;
    await gate.enter('step').then(() => (admitted = true));
    expect(admitted).toBe(true);
  });
});
