import { Module } from '@nestjs/common';
import { LettersModule } from './letters.module.js';
import { LettersProcessor } from './letters.processor.js';
import { LettersSweeperService } from './letters-sweeper.service.js';

/** What only a worker process runs for letters: the queue consumer and the sweeper. */
@Module({ imports: [LettersModule], providers: [LettersProcessor, LettersSweeperService] })
export class LettersWorkerModule {}
