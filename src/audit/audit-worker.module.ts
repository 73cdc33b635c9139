import { Module } from '@nestjs/common';
import { ChainWatchService } from './chain-watch.service.js';

/** What a worker process adds: the periodic check of the chain. */
@Module({ providers: [ChainWatchService], exports: [ChainWatchService] })
export class AuditWorkerModule {}
