import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module.js';
import { TriageModule } from '../triage/triage.module.js';
import { OutboxRelayService } from './outbox-relay.service.js';

@Module({ imports: [TriageModule, LettersModule], providers: [OutboxRelayService] })
export class OutboxModule {}
