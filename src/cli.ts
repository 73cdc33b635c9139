import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';
import { AppModule } from './app.module.js';
import { exitOnStartupError, prepareServices } from './bootstrap.js';
import { loadEnvironment } from './config/environment.js';
import { RetryFailedCommand } from './dead-letters/dead-letters.command.js';
import { DeadLettersModule } from './dead-letters/dead-letters.module.js';
import { StatsRebuildCommand } from './stats/stats-rebuild.command.js';
import { StatsModule } from './stats/stats.module.js';
import { TriageReplayCommand } from './triage/triage-replay.command.js';
import { TriageModule } from './triage/triage.module.js';

/** Operators' commands (nest-commander): node dist/src/cli.js <command> [options]. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  await prepareServices(env);

  @Module({ imports: [AppModule.forRoot(env, { api: false, worker: false }), TriageModule, DeadLettersModule, StatsModule], providers: [TriageReplayCommand, RetryFailedCommand, StatsRebuildCommand] })
  class CliModule {}

  await CommandFactory.run(CliModule, {
    logger: ['warn', 'error'],
    errorHandler: (error) => {
      // commander reports its own usage errors; anything else is ours
      if (!('code' in error)) console.error(error.message);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      console.error(`failed: ${error.message}`);
      process.exit(1);
    },
  });
}

main().catch(exitOnStartupError);
