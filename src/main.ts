import 'reflect-metadata';
import cluster from 'node:cluster';
import { API_PROCESS_INDEX, apiProcessCount, runClusterPrimary } from './cluster.js';
import { ConfigurationError, loadEnvironment, type Environment } from './config/environment.js';
import { DRAIN_MESSAGE } from './shutdown.js';

/**
 * The API and web pages; with --with-worker (npm start) the workers run too. With more than one API process
 * (API_PROCESSES, one per core by default) this process is the cluster's primary: it prepares the database, starts the
 * API processes, and runs the workers itself, apart from the event loops that answer requests. The application is
 * imported only where it runs, so the primary starts its API processes without loading it first.
 */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const withWorker = process.argv.includes('--with-worker');
  if (cluster.isWorker) return serveApi(env, false, process.env[API_PROCESS_INDEX] === '0');
  const { prepareServices } = await import('./database/prepare-services.js');
  await prepareServices(env);
  const count = apiProcessCount(env);
  if (count <= 1) return serveApi(env, withWorker, true);
  await runClusterPrimary(count, env.DATABASE_POOL_SIZE, withWorker ? async () => (await import('./bootstrap.js')).createWorkerApp(env) : undefined);
}

async function serveApi(env: Environment, withWorker: boolean, reportScanner: boolean): Promise<void> {
  // Asked to drain while still starting (the service is stopping): nothing is in flight yet, so simply go.
  const drainWhileStarting = (message: unknown) => message === DRAIN_MESSAGE && process.exit(0);
  process.on('message', drainWhileStarting);
  const { closeOnSignals, createHttpApp, reportVirusScanner } = await import('./bootstrap.js');
  const app = await createHttpApp(env, { api: true, worker: withWorker });
  process.off('message', drainWhileStarting);
  closeOnSignals(app);
  await app.listen({ port: env.PORT, host: env.HOST });
  if (reportScanner) await reportVirusScanner(app, env);
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`pcc-triage cannot start: ${error.message}`);
    process.exit(1);
  }
  (await import('./bootstrap.js')).exitOnStartupError(error);
});
