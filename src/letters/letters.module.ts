import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { LetterDeliveryService } from './letter-delivery.service.js';
import { LettersQueueService } from './letters-queue.service.js';
import { LettersService } from './letters.service.js';
import { MailerService } from './mailer.service.js';

/** Letters, and the one SMTP sender the system has (the case log's checkpoints are emailed through it too). */
@Module({
  imports: [QueueModule],
  providers: [LettersService, LetterDeliveryService, LettersQueueService, MailerService],
  exports: [LettersService, LetterDeliveryService, LettersQueueService, MailerService],
})
export class LettersModule {}
