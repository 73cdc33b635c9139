import { Module } from '@nestjs/common';
import { TriageReviewController } from './review/triage-review.controller.js';
import { TriageReviewService } from './review/triage-review.service.js';

/** What only the API process serves of triage: officers clearing reviews. */
@Module({ controllers: [TriageReviewController], providers: [TriageReviewService], exports: [TriageReviewService] })
export class TriageApiModule {}
