import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { DeadLettersController } from './dead-letters.controller.js';
import { DeadLettersService } from './dead-letters.service.js';

@Module({ imports: [QueueModule], controllers: [DeadLettersController], providers: [DeadLettersService], exports: [DeadLettersService] })
export class DeadLettersModule {}
