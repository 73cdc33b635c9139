import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { ComplaintReceiptDto } from '../complaints/dto/create-complaint.dto.js';
import { TriageReplayService, type ReplayResult } from '../triage/triage-replay.service.js';
import { CaseWorkService } from './case-work.service.js';
import { AssignCaseDto, ConfirmOverrideDto, OutcomeRecordedDto, OverrideCategoryDto, OverrideResultDto, RecordOutcomeDto } from './dto/case-work.dto.js';
import { CreateKeyedComplaintDto } from './dto/create-keyed-complaint.dto.js';
import { OverridesService } from './overrides.service.js';
import { CaseReferencePipe } from './case-reference.pipe.js';
import { CaseNotesService } from './case-notes.service.js';
import { CreateNoteDto, NoteDto } from './dto/case-note.dto.js';
import { ComplainantDetailsService } from '../complaints/complainant-details.service.js';
import { UpdateComplainantDto } from '../complaints/dto/update-complainant.dto.js';

/** Officers' work on cases. Every move appends to the case log with its actor. */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('officer')
@Controller('api/cases')
export class CaseWorkController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly work: CaseWorkService,
    private readonly overrides: OverridesService,
    private readonly replay: TriageReplayService,
    private readonly notes: CaseNotesService,
    private readonly complainants: ComplainantDetailsService,
  ) {}

  @Post(':reference/notes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: NoteDto })
  addNote(@Param('reference', CaseReferencePipe) reference: string, @Body() body: CreateNoteDto, @CurrentStaff() staff: StaffUser): Promise<NoteDto> {
    return this.notes.add(reference, body, staff);
  }

  @Patch(':reference/complainant')
  @HttpCode(200)
  async updateComplainant(@Param('reference', CaseReferencePipe) reference: string, @Body() body: UpdateComplainantDto, @CurrentStaff() staff: StaffUser): Promise<{ changed: string[] }> {
    return { changed: await this.complainants.update(reference, body, staff) };
  }

  /** A complaint that came by letter, email, phone or in person; deadlines run from receivedAt. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  async keyIn(@Body() body: CreateKeyedComplaintDto, @CurrentStaff() staff: StaffUser): Promise<ComplaintReceiptDto> {
    const { receivedAt, channel, ...complaint } = body;
    const { reference, status, receivedAt: at } = await this.complaints.submit({ ...complaint, language: complaint.language ?? 'en', channel, receivedAt: new Date(receivedAt), actor: actorOf(staff) });
    return { reference, status, receivedAt: at };
  }

  @Post(':reference/outcome')
  @HttpCode(200)
  @ApiOkResponse({ type: OutcomeRecordedDto })
  @ApiConflictResponse({ description: 'the outcome does not fit the case’s category and state; nothing changed' })
  outcome(@Param('reference', CaseReferencePipe) reference: string, @Body() body: RecordOutcomeDto, @CurrentStaff() staff: StaffUser): Promise<OutcomeRecordedDto> {
    return this.work.recordOutcome(reference, body.kind, body.notes, staff);
  }

  @Post(':reference/classification')
  @HttpCode(200)
  @ApiOkResponse({ type: OverrideResultDto, description: 'applied at once, or pending when it takes a criminal case off the IOPC route' })
  classify(@Param('reference', CaseReferencePipe) reference: string, @Body() body: OverrideCategoryDto, @CurrentStaff() staff: StaffUser): Promise<OverrideResultDto> {
    return this.overrides.request(reference, body.category, body.reason, staff);
  }

  @Post(':reference/classification/confirmation')
  @HttpCode(200)
  @ApiOkResponse({ type: OverrideResultDto, description: 'a second officer confirms or rejects a pending downgrade' })
  confirm(@Param('reference', CaseReferencePipe) reference: string, @Body() body: ConfirmOverrideDto, @CurrentStaff() staff: StaffUser): Promise<OverrideResultDto> {
    return this.overrides.decide(reference, body.confirm, body.reason, staff);
  }

  @Post(':reference/assignment')
  @HttpCode(204)
  async assign(@Param('reference', CaseReferencePipe) reference: string, @Body() body: AssignCaseDto, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.work.assign(reference, body.assigneeId, staff);
  }

  /** Runs the current rule set over the case; records a new triage when the category changes. */
  @Post(':reference/retriage')
  @HttpCode(200)
  retriage(@Param('reference', CaseReferencePipe) reference: string): Promise<ReplayResult> {
    return this.replay.replayReference(reference, false, 'retriage');
  }
}
