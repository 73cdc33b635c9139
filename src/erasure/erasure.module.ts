import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { TriageModule } from '../triage/triage.module.js';
import { ErasureService } from './erasure.service.js';
import { LegalHoldsService } from './legal-holds.service.js';

/** Erasure of personal data and legal holds, usable from any process (the API, and the retention job in workers). */
@Module({
  imports: [ComplaintsModule, CasesModule, TriageModule, EvidenceModule],
  providers: [ErasureService, LegalHoldsService],
  exports: [ErasureService, LegalHoldsService],
})
export class ErasureModule {}
