import { Module } from '@nestjs/common';
import { RetentionJobService } from './retention-job.service.js';
import { RetentionModule } from './retention.module.js';

/** What a worker process adds: the daily retention job. */
@Module({ imports: [RetentionModule], providers: [RetentionJobService] })
export class RetentionWorkerModule {}
