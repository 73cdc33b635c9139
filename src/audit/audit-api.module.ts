import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { CaseLogExportService } from './case-log-export.service.js';

/** What the API process adds: verification and export over HTTP. */
@Module({ controllers: [AuditController], providers: [CaseLogExportService], exports: [CaseLogExportService] })
export class AuditApiModule {}
