import { Module } from '@nestjs/common';
import { LettersService } from './letters.service.js';
import { MailerService } from './mailer.service.js';

/** Letters, and the one SMTP sender the system has (the case log's checkpoints are emailed through it too). */
@Module({ providers: [LettersService, MailerService], exports: [LettersService, MailerService] })
export class LettersModule {}
