import { Command, CommandRunner } from 'nest-commander';
import { DeadLettersService } from './dead-letters.service.js';

/** npm run queue:retry-failed: lists the triage jobs that failed every attempt, and puts them back on the queue. */
@Command({ name: 'retry-failed', description: 'Put every failed triage job back on the queue' })
export class RetryFailedCommand extends CommandRunner {
  constructor(private readonly deadLetters: DeadLettersService) {
    super();
  }

  async run(): Promise<void> {
    const { total, items } = await this.deadLetters.list(1000);
    for (const item of items) console.log(`  ${item.jobId} (${item.step}, ${item.attempts} attempts): ${item.failedReason}`);
    console.log(`${await this.deadLetters.retry()} of ${total} failed jobs put back on the queue`);
  }
}
