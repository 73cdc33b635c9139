import { Global, Module } from '@nestjs/common';
import { CaseLogChainer } from './case-log-chainer.service.js';
import { CaseLogService } from './case-log.service.js';
import { ChainVerifyService } from './chain-verify.service.js';

/** The case log is appended to by every feature, so its writer, its chainer and its checker are global. */
@Global()
@Module({ providers: [CaseLogService, CaseLogChainer, ChainVerifyService], exports: [CaseLogService, CaseLogChainer, ChainVerifyService] })
export class AuditModule {}
