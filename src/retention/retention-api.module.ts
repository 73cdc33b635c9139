import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller.js';
import { RetentionModule } from './retention.module.js';

/** What the API process serves of retention. */
@Module({ imports: [RetentionModule], controllers: [RetentionController] })
export class RetentionApiModule {}
