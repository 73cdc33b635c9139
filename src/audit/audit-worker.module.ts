import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module.js';
import { ChainWatchService } from './chain-watch.service.js';
import { CheckpointDeliveryService } from './checkpoint-delivery.service.js';

/** What a worker process adds: the periodic check of the chain, and delivering checkpoints out of the database. */
@Module({ imports: [LettersModule], providers: [ChainWatchService, CheckpointDeliveryService], exports: [ChainWatchService, CheckpointDeliveryService] })
export class AuditWorkerModule {}
