import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseHistoryService, type HistoryEntry } from './case-history.service.js';
import { CaseQueueService } from './case-queue.service.js';
import { CasesService } from './cases.service.js';
import { CaseDetailDto, CaseListDto } from './dto/case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { CaseReferencePipe } from './case-reference.pipe.js';

/** Reading cases: officers, auditors and admins. */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('officer', 'auditor')
@Controller('api')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly queue: CaseQueueService,
    private readonly history: CaseHistoryService,
  ) {}

  @Get('cases')
  @ApiOkResponse({ type: CaseListDto })
  list(@Query() query: ListCasesQuery, @CurrentStaff() staff: StaffUser): Promise<CaseListDto> {
    return this.queue.list(query, staff);
  }

  @Get('cases/:reference')
  @ApiOkResponse({ type: CaseDetailDto })
  get(@Param('reference', CaseReferencePipe) reference: string, @CurrentStaff() staff: StaffUser): Promise<CaseDetailDto> {
    return this.cases.get(reference, staff);
  }

  @Get('cases/:reference/history')
  caseHistory(@Param('reference', CaseReferencePipe) reference: string): Promise<HistoryEntry[]> {
    return this.history.forCase(reference);
  }
}
