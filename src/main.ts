import 'reflect-metadata';
import { loadEnvironment } from './config/environment.js';
import { closeOnSignals, createHttpApp, exitOnStartupError, prepareServices, reportVirusScanner } from './bootstrap.js';

/** The API and web pages; with --with-worker (npm start) the workers run in the same process. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  await prepareServices(env);
  const app = await createHttpApp(env, { api: true, worker: process.argv.includes('--with-worker') });
  closeOnSignals(app);
  await app.listen({ port: env.PORT, host: env.HOST });
  await reportVirusScanner(app, env);
}

main().catch(exitOnStartupError);
