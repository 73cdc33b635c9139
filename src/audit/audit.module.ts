import { Global, Module } from '@nestjs/common';
import { CaseLogService } from './case-log.service.js';
import { ChainVerifyService } from './chain-verify.service.js';

/** The case log is appended to by every feature, so its writer (and its checker) is global. */
@Global()
@Module({ providers: [CaseLogService, ChainVerifyService], exports: [CaseLogService, ChainVerifyService] })
export class AuditModule {}
