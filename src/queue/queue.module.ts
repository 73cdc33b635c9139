import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { DEFAULT_JOB_OPTIONS, LETTERS_QUEUE, TRIAGE_QUEUE } from './queues.js';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        // Workers need maxRetriesPerRequest: null; producers still fail fast because adds are raced with a timeout.
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: env.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: TRIAGE_QUEUE }, { name: LETTERS_QUEUE }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
