import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { Environment } from '../../config/environment.js';
import { PriorityGate } from './priority-gate.js';
import { computeTriage, type ComputeOutcome, type ComputeTask } from './triage-compute.js';

/**
 * How much lower the threads' scheduling priority is than the process's (Linux nice, per thread): when `npm start`
 * serves requests and triages in one process, the event loop that answers requests wins the cores over a burst of
 * triage, and so does Postgres. Nothing waits for long: the rules use whatever the requests leave.
 */
export const THREAD_NICE_INCREMENT = 10;

/**
 * The compiled thread entry. Under ts-jest the sources are TypeScript, which a worker thread cannot load: the build
 * (`npm test` builds first) is used when present, else the work runs on the calling thread.
 */
function threadEntry(): string | null {
  const here = new URL('./triage-thread.js', import.meta.url);
  if (import.meta.url.endsWith('.js')) return here.href;
  const built = new URL(here.href.replace(/\/src\/triage\/batch\/triage-thread\.js$/, '/dist/src/triage/batch/triage-thread.js'));
  return built.href !== here.href && existsSync(fileURLToPath(built)) ? built.href : null;
}

/**
 * Runs the triage's CPU work (analysis, rules, decision) for a batch in worker threads (piscina), so the event loop
 * that serves requests and talks to Postgres and Redis is never held by a long complaint. The pool is made on first
 * use, so an API process that never triages has no threads. TRIAGE_THREADS=0 computes on the calling thread.
 */
@Injectable()
export class TriageThreads implements OnApplicationShutdown {
  private readonly logger = new Logger(TriageThreads.name);
  private pool?: Piscina<ComputeTask, ComputeOutcome[]>;
  private readonly threads: number;
  private readonly entry: string | null;
  /** The most advanced work first: a decision, then a rule step, then a new analysis (see PriorityGate). */
  private readonly gate: PriorityGate<ComputeTask['kind']>;

  constructor(env: Environment) {
    // Measured on 2 cores draining 3,000 (README): one thread 112/s at 10.3 ms of worker CPU a complaint, two 100/s at 12.6 ms.
    this.threads = env.TRIAGE_THREADS ?? Math.max(1, availableParallelism() - 1);
    this.entry = this.threads > 0 ? threadEntry() : null;
    this.gate = new PriorityGate(Math.max(1, this.threads), ['decide', 'step', 'analyse']);
  }

  async run(task: ComputeTask): Promise<ComputeOutcome[]> {
    if (!task.items.length) return [];
    if (!this.entry) return computeTriage(task);
    this.pool ??= this.start(this.entry);
    await this.gate.enter(task.kind);
    try {
      return await this.pool.run(task);
    } catch (error) {
      // A thread that died (out of memory, say) took the whole batch with it, perhaps because of one complaint: each
      // complaint is then tried alone, so that one fails (and is dead-lettered) alone. Alone, the error fails the job.
      if (task.items.length === 1) throw error;
      this.logger.warn({ kind: task.kind, complaints: task.items.length, err: (error as Error).message }, 'a triage thread failed a batch: its complaints are tried alone');
      return task.items.map((item) => ({ id: item.id, ok: false, error: `the triage thread failed: ${(error as Error).message}` }));
    } finally {
      this.gate.leave();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }

  private start(entry: string): Piscina<ComputeTask, ComputeOutcome[]> {
    this.logger.log({ threads: this.threads }, 'triage threads starting');
    // As many threads at least as at most: they keep the language model and policies loaded (a new one takes a second).
    return new Piscina({ filename: entry, minThreads: this.threads, maxThreads: this.threads, niceIncrement: THREAD_NICE_INCREMENT });
  }
}
