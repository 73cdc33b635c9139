import 'reflect-metadata';
import { loadEnvironment } from './config/environment.js';
import { closeOnSignals, createWorkerApp, exitOnStartupError, prepareServices, reportVirusScanner } from './bootstrap.js';

/** The BullMQ workers, the outbox relay and the triage sweeper; run as many as you like against one Redis and Postgres. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  await prepareServices(env);
  const app = await createWorkerApp(env);
  closeOnSignals(app);
  await reportVirusScanner(app, env);
}

main().catch(exitOnStartupError);
