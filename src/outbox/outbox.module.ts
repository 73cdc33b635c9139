import { Module } from '@nestjs/common';
import { TriageModule } from '../triage/triage.module.js';
import { OutboxRelayService } from './outbox-relay.service.js';

@Module({ imports: [TriageModule], providers: [OutboxRelayService] })
export class OutboxModule {}
