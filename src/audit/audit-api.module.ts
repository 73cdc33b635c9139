import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { CaseLogExportService } from './case-log-export.service.js';
import { CheckpointsController } from './checkpoints.controller.js';

/** What the API process adds: verification, checkpoints and export over HTTP. */
@Module({ controllers: [AuditController, CheckpointsController], providers: [CaseLogExportService], exports: [CaseLogExportService] })
export class AuditApiModule {}
