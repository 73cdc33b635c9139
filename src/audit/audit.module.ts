import { Global, Module } from '@nestjs/common';
import { CaseLogService } from './case-log.service.js';

/** The case log is appended to by every feature, so its writer is global. */
@Global()
@Module({ providers: [CaseLogService], exports: [CaseLogService] })
export class AuditModule {}
