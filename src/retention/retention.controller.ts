import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { RecordTermEndDto } from './dto/retention.dto.js';
import { RetentionService, type OfficeHolderTermView, type RetentionPreview } from './retention.service.js';

const TermIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('RETENTION.TERM_END_NOT_FOUND', 'No term end with that id', 404) });

/** The retention schedule, its preview and the office holders' term ends: admins only. */
@ApiTags('personal data')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Needs the admin role (or a cookie request without its CSRF token)' })
@Roles('admin')
@Controller('api/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOperation({ summary: 'The retention schedule and what its next run will erase (admin)', description: 'due: erased by the next run; held: due but under a legal hold; waitingForTermEnd: kept until the office holder’s term end is recorded.' })
  @ApiOkResponse({ description: '{ schedule, due: [...], held: [...], waitingForTermEnd }' })
  preview(): Promise<RetentionPreview> {
    return this.retention.preview();
  }

  @Get('terms')
  @ApiOperation({ summary: 'The office holders’ term ends recorded (admin)' })
  @ApiOkResponse({ description: '[{ id, subjectRole, endedOn, recordedBy, recordedAt }]' })
  terms(): Promise<OfficeHolderTermView[]> {
    return this.retention.terms();
  }

  @Post('terms')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the day an office holder leaves office: their cases are kept until the months after it have passed (admin)' })
  @ApiCreatedResponse({ description: '{ id, subjectRole, endedOn, recordedBy, recordedAt }' })
  @ApiBadRequestResponse({ description: 'subjectRole or endedOn is wrong; the message names it' })
  @ApiConflictResponse({ description: 'Already recorded' })
  record(@Body() body: RecordTermEndDto, @CurrentStaff() staff: StaffUser): Promise<OfficeHolderTermView> {
    return this.retention.recordTermEnd(body.subjectRole, body.endedOn, staff);
  }

  @Delete('terms/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a term end recorded by mistake (admin)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No term end with that id' })
  async remove(@Param('id', TermIdPipe) id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.retention.removeTermEnd(id, staff);
  }
}
