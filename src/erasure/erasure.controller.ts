import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { ApiErrors } from '../common/openapi.js';
import { EraseCaseDto, ErasurePlanDto, ErasurePlanQuery, ErasureRecordDto, ErasureResultDto, LegalHoldDto, LegalHoldResultDto, LegalHoldViewDto } from './dto/erasure.dto.js';
import { ErasureService } from './erasure.service.js';
import { LegalHoldsService } from './legal-holds.service.js';

/** Erasure of personal data and legal holds: admins only. */
@ApiTags('personal data')
@Roles('admin')
@Controller('api')
export class ErasureController {
  constructor(
    private readonly erasure: ErasureService,
    private readonly holds: LegalHoldsService,
  ) {}

  @Post('cases/:reference/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase the personal data of a case, or of every case of its complainant (admin)',
    description: 'Names, contact details, representative, adjustments, the complaint’s words, notes, letter bodies and the triage’s quotes are removed or replaced by "[erased]"; categories, dates, deadlines, outcomes, verdicts and the statistics stay, and the case log still verifies. Logged with who and why.',
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiErrors({ 400: 'The reason is missing, or names the complainant; the message says which', 404: 'No case has this reference', 409: 'A case in scope is under a legal hold: nothing was erased' })
  async erase(@Param('reference', CaseReferencePipe) reference: string, @Body() body: EraseCaseDto, @CurrentStaff() staff: StaffUser): Promise<ErasureResultDto> {
    const scope = body.scope ?? 'case';
    const erased = await this.erasure.erase(reference, { scope, trigger: 'request', reason: body.reason, actor: actorOf(staff), staffId: staff.id });
    return { scope, erased };
  }

  @Get('cases/:reference/erasure')
  @ApiOperation({
    summary: 'What an erasure would reach: the cases in scope, and whether any is held or already erased (admin)',
    description: 'Nothing changes: the page shows it before the admin confirms, naming whose data and which cases.',
  })
  @ApiOkResponse({ type: ErasurePlanDto })
  @ApiErrors({ 400: 'scope is not case or complainant', 404: 'No case has this reference' })
  plan(@Param('reference', CaseReferencePipe) reference: string, @Query() query: ErasurePlanQuery): Promise<ErasurePlanDto> {
    return this.erasure.plan(reference, query.scope ?? 'case');
  }

  @Get('erasures')
  @ApiOperation({ summary: 'The latest erasures, newest first: case, by whom (or the retention job), why, what was removed (admin)', description: 'The latest 100.' })
  @ApiOkResponse({ type: [ErasureRecordDto] })
  recent(): Promise<ErasureRecordDto[]> {
    return this.erasure.recent(100);
  }

  @Post('cases/:reference/legal-hold')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Place or release a legal hold on a case: a held case is never erased (admin)',
    description: '`held: true` places a hold, `false` releases it, each with a reason kept as a keyed hash in the case log.',
  })
  @ApiOkResponse({ type: LegalHoldResultDto })
  @ApiErrors({ 400: 'held or reason is missing or wrong; the message names it', 404: 'No case has this reference', 409: 'Already held, or not held' })
  async legalHold(@Param('reference', CaseReferencePipe) reference: string, @Body() body: LegalHoldDto, @CurrentStaff() staff: StaffUser): Promise<LegalHoldResultDto> {
    if (body.held) return { reference, held: true, hold: await this.holds.place(reference, body.reason, staff) };
    await this.holds.release(reference, body.reason, staff);
    return { reference, held: false, hold: null };
  }

  @Get('legal-holds')
  @ApiOperation({ summary: 'Every case under a legal hold (admin)', description: 'With who placed each and why.' })
  @ApiOkResponse({ type: [LegalHoldViewDto] })
  legalHolds(): Promise<LegalHoldViewDto[]> {
    return this.holds.list();
  }
}
