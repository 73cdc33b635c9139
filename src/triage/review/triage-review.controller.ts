import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../../auth/staff-user.js';
import { CaseReferencePipe } from '../../cases/case-reference.pipe.js';
import { ClearReviewDto, ReviewClearedDto } from './clear-review.dto.js';
import { TriageReviewService } from './triage-review.service.js';

@ApiTags('cases')
@ApiBearerAuth()
@Roles('officer')
@Controller('api/cases')
export class TriageReviewController {
  constructor(private readonly reviews: TriageReviewService) {}

  @Post(':reference/review/clearance')
  @HttpCode(200)
  @ApiOperation({ summary: "Clear the triage's review: the officer looked, and says why" })
  @ApiOkResponse({ type: ReviewClearedDto })
  @ApiNotFoundResponse({ description: 'no case has that reference' })
  @ApiConflictResponse({ description: 'the triage is not waiting for a review (none needed, or already cleared)' })
  clear(@Param('reference', CaseReferencePipe) reference: string, @Body() body: ClearReviewDto, @CurrentStaff() staff: StaffUser): Promise<ReviewClearedDto> {
    return this.reviews.clear(reference, body.reason, staff);
  }
}
