import { Module } from '@nestjs/common';
import { AuditApiModule } from '../audit/audit-api.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { TriageApiModule } from '../triage/triage-api.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminPagesController } from './admin-pages.controller.js';
import { AuditPagesController } from './audit-pages.controller.js';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { ComplaintFormController } from './complaint-form.controller.js';
import { PublicPagesController } from './public-pages.controller.js';
import { CasePagesController } from './case-pages.controller.js';
import { QueuePagesController } from './queue-pages.controller.js';
import { CasePageView } from './case-page.view.js';
import { ComplainantPagesController } from './complainant-pages.controller.js';
import { KeyedComplaintPagesController } from './keyed-complaint-pages.controller.js';
import { LetterPagesController } from './letter-pages.controller.js';
import { SignInPagesController } from './sign-in-pages.controller.js';
import { SubjectAccessModule } from '../subject-access/subject-access.module.js';
import { SubjectAccessPagesController } from './subject-access-pages.controller.js';
import { ErasureModule } from '../erasure/erasure.module.js';
import { RetentionModule } from '../retention/retention.module.js';
import { ErasurePagesController } from './erasure-pages.controller.js';
import { LegalHoldPagesController } from './legal-hold-pages.controller.js';
import { RetentionPagesController } from './retention-pages.controller.js';

@Module({
  imports: [DeadLettersModule, AuditApiModule, AuthModule, CasesModule, ComplaintsModule, EvidenceModule, UsersModule, TriageApiModule, SubjectAccessModule, ErasureModule, RetentionModule],
  controllers: [AdminPagesController, AuditPagesController, ComplaintFormController, SignInPagesController, QueuePagesController, KeyedComplaintPagesController, CasePagesController, ComplainantPagesController, LetterPagesController, PublicPagesController, SubjectAccessPagesController, ErasurePagesController, LegalHoldPagesController, RetentionPagesController],
  providers: [CasePageView],
})
export class WebModule {}
