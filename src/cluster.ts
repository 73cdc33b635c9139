import { Logger, type INestApplicationContext } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { DRAIN_MESSAGE, SHUTDOWN_GRACE_MS } from './shutdown.js';
import type { Environment } from './config/environment.js';

/**
 * How many HTTP processes to run: API_PROCESSES, or half the cores this process may use (at least one). Postgres,
 * usually on the same machine, spends more CPU on a complaint than the API does (about 2.1 against 1.3 ms), and with
 * `npm start` the triage threads want the rest. On two cores one API process took 427 complaints a second where two
 * took 298-332, and at a steady 100 a second with the workers each complaint cost about 3 ms less CPU (Node and
 * Postgres) and p95 was 1.6-3.5 s against 4.4-5.4 s (README, Benchmarks, 4 December). Where Postgres has cores of its
 * own, set API_PROCESSES to the cores.
 */
export const apiProcessCount = (env: Environment): number => env.API_PROCESSES || Math.max(1, Math.floor(availableParallelism() / 2));

/** What the cluster's primary logs once every API process listens. */
const CLUSTER_READY_TEXT = 'API processes listening';

/** The line that says the API is up, for whoever starts it (the bench); none when one process serves alone (no cluster). */
export const clusterReadyText = (env: Environment): string | undefined => (apiProcessCount(env) > 1 ? CLUSTER_READY_TEXT : undefined);

/** Set in each API process the primary starts: its place in the cluster, from 0. */
export const API_PROCESS_INDEX = 'PCC_API_PROCESS_INDEX';

/** A process that dies this soon after it started listening is not started again at once (a crash loop). */
const RESTART_DELAY_MS = 1000;

/**
 * The primary of `node:cluster`: it takes no requests itself. It starts `count` API processes one after another (the
 * first creates the first admin; none races the others at start-up), which share the port (the primary hands
 * connections to them in turn), starts again any that dies while the service runs, and on SIGTERM or SIGINT asks
 * every one to drain, closes `workers` (the queue workers, when `npm start` runs them here) and exits 0 once all have
 * finished, or 1 if any failed. Rate limits live in Redis, sessions and everything else in Postgres, so any process
 * may answer any request.
 */
export async function runClusterPrimary(count: number, poolSize: number, workers?: () => Promise<INestApplicationContext>): Promise<void> {
  const logger = new Logger('Cluster');
  const running = new Set<Worker>();
  const serving = new Set<Worker>();
  let stopping = false;
  let failed = false;
  let queueWorkers: INestApplicationContext | undefined;

  const start = (index: number) =>
    new Promise<void>((resolve, reject) => {
      // The API's connections are shared out, so more processes do not mean more Postgres backends than one would use.
      const worker = cluster.fork({ [API_PROCESS_INDEX]: String(index), DATABASE_POOL_SIZE: String(Math.max(2, Math.floor(poolSize / count))) });
      running.add(worker);
      let listening = false;
      worker.once('listening', () => {
        listening = true;
        serving.add(worker);
        resolve();
      });
      worker.once('exit', (code, signal) => {
        running.delete(worker);
        serving.delete(worker);
        if (stopping) {
          if (code) logger.warn(`API process ${index} exited with code ${code} while draining`);
          if (code !== null && code !== 0) failed = true; // one ended by the signal itself (Ctrl-C reaches them all) has not failed
          return;
        }
        if (!listening) {
          reject(new Error(`API process ${index} exited at start (${signal ?? `code ${code}`})`));
          return;
        }
        logger.warn(`API process ${index} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting another`);
        setTimeout(() => !stopping && start(index).catch((error: Error) => logger.error(error.message)), RESTART_DELAY_MS);
      });
    });

  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal}: asking ${running.size} API processes to drain`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 1000).unref();
    const exited = [...running].map((worker) => new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      try {
        // One still starting has nothing in flight and may not listen for messages yet: a signal ends it.
        if (serving.has(worker)) worker.send(DRAIN_MESSAGE);
        else worker.process.kill('SIGTERM');
      } catch {
        // already gone (a Ctrl-C reaches every process of the group): its own signal handler drains it
      }
    }));
    Promise.all([...exited, queueWorkers?.close()]).then(
      () => {
        logger.log(failed ? 'an API process failed to drain; exiting 1' : 'every API process has drained; exiting 0');
        process.exit(failed ? 1 : 0);
      },
      (error: Error) => {
        logger.error(`the workers failed to close: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // A signal during start-up stops the starting: the processes already started drain, the rest are never started.
  for (let index = 0; index < count && !stopping; index++) await start(index);
  if (stopping) return;
  queueWorkers = workers ? await workers() : undefined;
  logger.log(`${count} ${CLUSTER_READY_TEXT}${queueWorkers ? ', the workers running in the primary' : ''}`);
}
