import { Module } from '@nestjs/common';
import { ErasureModule } from '../erasure/erasure.module.js';
import { RetentionService } from './retention.service.js';

/** The retention schedule, usable from any process. */
@Module({ imports: [ErasureModule], providers: [RetentionService], exports: [RetentionService] })
export class RetentionModule {}
