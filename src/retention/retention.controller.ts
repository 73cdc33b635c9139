import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors } from '../common/openapi.js';
import { OfficeHolderTermDto, RecordTermEndDto, RetentionPreviewDto } from './dto/retention.dto.js';
import { RetentionService } from './retention.service.js';

const TermIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('RETENTION.TERM_END_NOT_FOUND', 'No term end with that id', 404) });

/** The retention schedule, its preview and the office holders' term ends: admins only. */
@ApiTags('personal data')
@Roles('admin')
@Controller('api/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOperation({ summary: 'The retention schedule and what its next run will erase (admin)', description: 'due: erased by the next run; held: due but under a legal hold; waitingForTermEnd: kept until the office holder’s term end is recorded.' })
  @ApiOkResponse({ type: RetentionPreviewDto })
  preview(): Promise<RetentionPreviewDto> {
    return this.retention.preview();
  }

  @Get('terms')
  @ApiOperation({ summary: 'The office holders’ term ends recorded (admin)', description: 'Cases about an office holder are kept until the months after their term end have passed.' })
  @ApiOkResponse({ type: [OfficeHolderTermDto] })
  terms(): Promise<OfficeHolderTermDto[]> {
    return this.retention.terms();
  }

  @Post('terms')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record the day an office holder leaves office: their cases are kept until the months after it have passed (admin)',
    description: 'One term end an office and day; logged.',
  })
  @ApiCreatedResponse({ type: OfficeHolderTermDto })
  @ApiErrors({ 400: 'subjectRole or endedOn is wrong; the message names it', 409: 'Already recorded' })
  record(@Body() body: RecordTermEndDto, @CurrentStaff() staff: StaffUser): Promise<OfficeHolderTermDto> {
    return this.retention.recordTermEnd(body.subjectRole, body.endedOn, staff, body.holderName ?? null);
  }

  @Delete('terms/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a term end recorded by mistake (admin)', description: 'Its cases wait for a term end again; logged.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors({ 404: 'No term end with that id' })
  async remove(@Param('id', TermIdPipe) id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.retention.removeTermEnd(id, staff);
  }
}
