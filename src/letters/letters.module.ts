import { Module } from '@nestjs/common';
import { LettersService } from './letters.service.js';
import { MailerService } from './mailer.service.js';

@Module({ providers: [LettersService, MailerService], exports: [LettersService] })
export class LettersModule {}
