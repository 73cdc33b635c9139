import { Module } from '@nestjs/common';
import { TriageSweeperService } from './triage-sweeper.service.js';
import { TriageModule } from './triage.module.js';
import { TriageProcessor } from './triage.processor.js';

/** What only a worker process runs: the queue consumer and the sweeper. */
@Module({ imports: [TriageModule], providers: [TriageProcessor, TriageSweeperService] })
export class TriageWorkerModule {}
