import { Logger } from '@nestjs/common';
import { DrainLoop } from './drain-loop.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DrainLoop', () => {
  it('gathers what arrives while it waits after a wake into one batch', async () => {
    let waiting = 0;
    const batches: number[] = [];
    const loop = new DrainLoop('test', async () => (batches.push(waiting), (waiting = 0), batches[batches.length - 1]), 100, new Logger('test'), 40);
    waiting = 1;
    loop.wake();
    await sleep(10);
    waiting = 3; // two more arrive, each waking the loop, before it has read
    loop.wake();
    loop.wake();
    await sleep(150);
    expect(batches[0]).toBe(3);
    expect(batches.slice(1).every((n) => n === 0)).toBe(true);
    await loop.stop();
  });

  it('reads at once after a wake when it gathers for 0 ms, and goes round while batches come back full', async () => {
    const sizes = [100, 100, 7];
    const read: number[] = [];
    const loop = new DrainLoop('test', async () => (read.push(sizes[read.length] ?? 0), read[read.length - 1]), 100, new Logger('test'));
    loop.wake();
    await sleep(20);
    expect(read).toEqual([100, 100, 7]);
    await loop.stop();
  });
});
