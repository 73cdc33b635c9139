import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../../auth/staff-user.js';
import { CaseReferencePipe } from '../../cases/case-reference.pipe.js';
import { ApiErrors } from '../../common/openapi.js';
import { ClearReviewDto, ReviewClearedDto } from './clear-review.dto.js';
import { TriageReviewService } from './triage-review.service.js';

@ApiTags('cases')
@Roles('officer')
@Controller('api/cases')
export class TriageReviewController {
  constructor(private readonly reviews: TriageReviewService) {}

  @Post(':reference/review/clearance')
  @HttpCode(200)
  @ApiOperation({
    summary: "Clear the triage's review: the officer looked, and says why",
    description: 'For a triage that asked for an officer’s review (a possible offence, low confidence): the reason is kept and logged, and the case leaves `GET /api/cases?review=true`.',
  })
  @ApiOkResponse({ type: ReviewClearedDto })
  @ApiErrors({
    400: 'reason is missing or too long',
    404: 'no case has that reference',
    409: 'the triage is not waiting for a review (none needed, or already cleared), or the case awaits triage',
  })
  clear(@Param('reference', CaseReferencePipe) reference: string, @Body() body: ClearReviewDto, @CurrentStaff() staff: StaffUser): Promise<ReviewClearedDto> {
    return this.reviews.clear(reference, body.reason, staff);
  }
}
