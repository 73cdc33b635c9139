import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { TriageModule } from '../triage/triage.module.js';
import { CaseHistoryService } from './case-history.service.js';
import { CaseQueueService } from './case-queue.service.js';
import { MyWorkService } from './my-work.service.js';
import { CaseNotesService } from './case-notes.service.js';
import { CaseWorkController } from './case-work.controller.js';
import { CaseWorkService } from './case-work.service.js';
import { CasesController } from './cases.controller.js';
import { CaseLettersController } from './case-letters.controller.js';
import { CasesService } from './cases.service.js';
import { OverridesService } from './overrides.service.js';

@Module({
  imports: [ComplaintsModule, EvidenceModule, LettersModule, TriageModule],
  controllers: [CasesController, CaseWorkController, CaseLettersController],
  providers: [CasesService, CaseQueueService, MyWorkService, CaseNotesService, CaseWorkService, OverridesService, CaseHistoryService],
  exports: [CasesService, CaseQueueService, MyWorkService, CaseNotesService, CaseWorkService, OverridesService, CaseHistoryService, LettersModule],
})
export class CasesModule {}
