import 'reflect-metadata';
import { loadEnvironment } from './config/environment.js';
import { closeOnSignals, createWorkerApp, exitOnStartupError, prepareServices } from './bootstrap.js';

/** The BullMQ workers, the outbox relay and the triage sweeper; run as many as you like against one Redis and Postgres. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  await prepareServices(env);
  closeOnSignals(await createWorkerApp(env));
}

main().catch(exitOnStartupError);
