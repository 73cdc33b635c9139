import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { TriageThreads } from './batch/triage-threads.service.js';
import { TriageDecisionService } from './triage-decision.service.js';
import { TriageErasureService } from './triage-erasure.service.js';
import { TriageFactsService } from './triage-facts.service.js';
import { TriageQueueService } from './triage-queue.service.js';
import { TriageReplayRunner } from './triage-replay-runner.service.js';
import { TriageReplayService } from './triage-replay.service.js';
import { TriageStepsService } from './triage-steps.service.js';

/** Triage services usable from any process; the worker adds the processor. */
@Module({
  imports: [QueueModule],
  providers: [TriageThreads, TriageFactsService, TriageStepsService, TriageDecisionService, TriageQueueService, TriageReplayService, TriageReplayRunner, TriageErasureService],
  exports: [TriageFactsService, TriageStepsService, TriageDecisionService, TriageQueueService, TriageReplayService, TriageReplayRunner, TriageErasureService],
})
export class TriageModule {}
