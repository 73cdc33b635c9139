import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { ApiErrors } from '../common/openapi.js';
import { CaseHistoryService } from './case-history.service.js';
import { CaseQueueService } from './case-queue.service.js';
import { CasesService } from './cases.service.js';
import { HistoryEntryDto } from './dto/case-history.dto.js';
import { CaseDetailDto, CaseListDto } from './dto/case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { CaseReferencePipe } from './case-reference.pipe.js';

/** Reading cases: officers, auditors and admins. */
@ApiTags('cases')
@Roles('officer', 'auditor')
@Controller('api')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly queue: CaseQueueService,
    private readonly history: CaseHistoryService,
  ) {}

  @Get('cases')
  @ApiOperation({
    summary: 'The queue: find, filter and sort cases',
    description:
      'Every parameter is optional and an empty one means "any", as a form sends it. `q` finds a case by its reference (with or without dashes, O for zero), the complainant’s name or email, or the words of the complaint. `total` is exact up to 10,000; beyond that it is Postgres’s estimate and `totalIsEstimate` is true.',
  })
  @ApiOkResponse({ type: CaseListDto })
  @ApiErrors({ 400: 'A filter, the sort or the page is wrong; the message names it' })
  list(@Query() query: ListCasesQuery, @CurrentStaff() staff: StaffUser): Promise<CaseListDto> {
    return this.queue.list(query, staff);
  }

  @Get('cases/:reference')
  @ApiOperation({
    summary: 'One case, with everything the case page shows',
    description: 'Triage steps and evidence, deadlines and how each was worked out, outcomes, overrides, notes and the outcomes allowed next. Auditors see the complainant by id only.',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors({ 404: 'No case has that reference' })
  get(@Param('reference', CaseReferencePipe) reference: string, @CurrentStaff() staff: StaffUser): Promise<CaseDetailDto> {
    return this.cases.get(reference, staff);
  }

  @Get('cases/:reference/history')
  @ApiOperation({
    summary: 'A case’s events in the case log',
    description: 'Oldest first, with any event still waiting to be chained at the end (sequence null). Staff are named by email. An unknown reference has no events.',
  })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiErrors({ 404: 'The reference is not shaped like one' })
  caseHistory(@Param('reference', CaseReferencePipe) reference: string): Promise<HistoryEntryDto[]> {
    return this.history.forCase(reference);
  }
}
