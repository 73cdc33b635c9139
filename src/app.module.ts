import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditApiModule } from './audit/audit-api.module.js';
import { AuditWorkerModule } from './audit/audit-worker.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CasesModule } from './cases/cases.module.js';
import { loggerParams } from './common/logging.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { ConnectionErrorsGuard } from './database/connection-errors.js';
import { dataSourceOptions } from './database/data-source.js';
import { DeadLettersModule } from './dead-letters/dead-letters.module.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { EvidenceWorkerModule } from './evidence/evidence-worker.module.js';
import { ErasureApiModule } from './erasure/erasure-api.module.js';
import { SubjectAccessModule } from './subject-access/subject-access.module.js';
import { RetentionApiModule } from './retention/retention-api.module.js';
import { RetentionWorkerModule } from './retention/retention-worker.module.js';
import { HealthModule } from './health/health.module.js';
import { I18nModule } from './i18n/i18n.module.js';
import { LettersWorkerModule } from './letters/letters-worker.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RedisModule } from './redis/redis.module.js';
import { StatsWorkerModule } from './stats/stats-worker.module.js';
import { StatsModule } from './stats/stats.module.js';
import { TriageApiModule } from './triage/triage-api.module.js';
import { TriageWorkerModule } from './triage/triage-worker.module.js';
import { TriageModule } from './triage/triage.module.js';
import { UsersModule } from './users/users.module.js';
import { WebModule } from './web/web.module.js';

export interface ProcessRoles {
  /** HTTP: the JSON API, the web pages and /health. */
  api: boolean;
  /** BullMQ consumers, the outbox relay and the triage sweeper. */
  worker: boolean;
}

@Module({})
export class AppModule {
  static forRoot(env: Environment, roles: ProcessRoles): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule.forRoot(loggerParams(env)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(env), retryAttempts: 0 }),
        RedisModule,
        I18nModule,
        AuditModule,
        DeadlinesModule,
        TriageModule,
        ...(roles.api ? [RateLimitModule, AuthModule, UsersModule, ComplaintsModule, CasesModule, HealthModule, AuditApiModule, WebModule, EvidenceModule, DeadLettersModule, StatsModule, TriageApiModule, ErasureApiModule, RetentionApiModule, SubjectAccessModule] : []),
        ...(roles.worker ? [EvidenceWorkerModule, TriageWorkerModule, OutboxModule, AuditWorkerModule, StatsWorkerModule, LettersWorkerModule, RetentionWorkerModule] : []),
      ],
      providers: [ConnectionErrorsGuard],
    };
  }
}
