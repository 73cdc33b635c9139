import type { Logger } from '@nestjs/common';

/**
 * Runs `batch` until it returns fewer than `batchSize` items: when woken (after `gatherMs`, so that what arrives
 * meanwhile goes in the same batch), and on a timer as a backstop. One drain at a time per process; a wake during a
 * drain makes it go round again. A failing batch is logged once, then retried on the next wake or tick.
 */
export class DrainLoop {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private failing = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly what: string,
    private readonly batch: () => Promise<number>,
    private readonly batchSize: number,
    private readonly logger: Logger,
    private readonly gatherMs = 0,
  ) {}

  start(pollMs: number): void {
    this.timer = setInterval(() => this.wake(), pollMs);
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Drains now and waits for it; errors reach the caller. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    while ((await this.batch()) >= this.batchSize);
  }

  /** Stops the timer and waits for the drain in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      if (this.gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, this.gatherMs));
      while (!this.stopped && (await this.batch()) >= this.batchSize);
      if (this.failing) this.logger.log(`${this.what} recovered`);
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: (error as Error).message }, `${this.what} paused; the work stays in Postgres and is retried`);
      this.failing = true;
    }
  }
}
