import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadEnvironment, type Environment } from './config/environment.js';
import { closeOnSignals, createHttpApp, createWorkerApp, exitOnStartupError, prepareServices, reportVirusScanner } from './bootstrap.js';
import { API_PROCESS_INDEX, apiProcessCount, runClusterPrimary } from './cluster.js';

/**
 * The API and web pages; with --with-worker (npm start) the workers run too. With more than one API process
 * (API_PROCESSES, one per core by default) this process is the cluster's primary: it prepares the database, starts the
 * API processes, and runs the workers itself, apart from the event loops that answer requests.
 */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const withWorker = process.argv.includes('--with-worker');
  if (cluster.isWorker) return serveApi(env, false, process.env[API_PROCESS_INDEX] === '0');
  await prepareServices(env);
  const count = apiProcessCount(env);
  if (count <= 1) return serveApi(env, withWorker, true);
  await runClusterPrimary(count, withWorker ? () => createWorkerApp(env) : undefined);
}

async function serveApi(env: Environment, withWorker: boolean, reportScanner: boolean): Promise<void> {
  const app = await createHttpApp(env, { api: true, worker: withWorker });
  closeOnSignals(app);
  await app.listen({ port: env.PORT, host: env.HOST });
  if (reportScanner) await reportVirusScanner(app, env);
}

main().catch(exitOnStartupError);
