/**
 * Lets at most `width` holders in at once; those waiting go in by the order of their kinds (the first kind listed
 * first), and in the order they came within a kind. TriageThreads hands the threads the most advanced work first
 * (decisions, then rule steps, then new analyses), so a complaint begun is finished before more are begun: its
 * analysis is still in the thread's cache, and its category comes sooner.
 */
export class PriorityGate<K extends string> {
  private inside = 0;
  private readonly waiting = new Map<K, Array<() => void>>();

  constructor(
    private readonly width: number,
    order: readonly K[],
  ) {
    for (const kind of order) this.waiting.set(kind, []);
  }

  /** Resolves when the holder may go in. */
  enter(kind: K): Promise<void> {
    if (this.inside < this.width) {
      this.inside++;
      return Promise.resolve();
    }
    const queue = this.waiting.get(kind);
    if (!queue) throw new Error(`unknown kind ${kind}`);
    return new Promise((resolve) => queue.push(resolve));
  }

  /** Called once by each holder that went in, when it is done: the next in order takes its place. */
  leave(): void {
    for (const queue of this.waiting.values()) {
      const next = queue.shift();
      if (next) return next();
    }
    this.inside--;
  }

  get waitingCount(): number {
    let n = 0;
    for (const queue of this.waiting.values()) n += queue.length;
    return n;
  }
}
