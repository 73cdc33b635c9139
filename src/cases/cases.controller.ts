import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CasesService } from './cases.service.js';
import { CaseDetailDto, CaseListDto, StatsDto } from './dto/case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  @Roles('officer', 'auditor')
  @ApiOkResponse({ type: CaseListDto })
  list(@Query() query: ListCasesQuery, @CurrentStaff() staff: StaffUser): Promise<CaseListDto> {
    return this.cases.list(query, staff);
  }

  @Get('cases/:reference')
  @Roles('officer', 'auditor')
  @ApiOkResponse({ type: CaseDetailDto })
  get(@Param('reference') reference: string): Promise<CaseDetailDto> {
    return this.cases.get(reference);
  }

  @Get('stats')
  @Roles('officer', 'auditor')
  @ApiOkResponse({ type: StatsDto })
  stats(): Promise<StatsDto> {
    return this.cases.stats();
  }
}
