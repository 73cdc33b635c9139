import { Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller.js';
import { ErasureModule } from './erasure.module.js';

/** What the API process serves of erasure. */
@Module({ imports: [ErasureModule], controllers: [ErasureController] })
export class ErasureApiModule {}
