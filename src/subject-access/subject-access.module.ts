import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { SubjectAccessController } from './subject-access.controller.js';
import { SubjectAccessService } from './subject-access.service.js';

/** Subject access requests: the JSON document, the bundle, and (in src/web) the page. */
@Module({ imports: [CasesModule, ComplaintsModule, EvidenceModule], controllers: [SubjectAccessController], providers: [SubjectAccessService], exports: [SubjectAccessService] })
export class SubjectAccessModule {}
