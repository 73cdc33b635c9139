import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { ApiErrors } from '../common/openapi.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { ComplaintReceiptDto } from '../complaints/dto/create-complaint.dto.js';
import { TriageReplayService } from '../triage/triage-replay.service.js';
import { CaseWorkService } from './case-work.service.js';
import { AssignCaseDto, ConfirmOverrideDto, OutcomeRecordedDto, OverrideCategoryDto, OverrideResultDto, RecordOutcomeDto, RetriageResultDto } from './dto/case-work.dto.js';
import { CreateKeyedComplaintDto } from './dto/create-keyed-complaint.dto.js';
import { OverridesService } from './overrides.service.js';
import { CaseReferencePipe } from './case-reference.pipe.js';
import { CaseNotesService } from './case-notes.service.js';
import { CreateNoteDto, NoteDto } from './dto/case-note.dto.js';
import { ComplainantDetailsService } from '../complaints/complainant-details.service.js';
import { ComplainantChangedDto, UpdateComplainantDto } from '../complaints/dto/update-complainant.dto.js';

/** Officers' work on cases. Every move appends to the case log with its actor. */
@ApiTags('cases')
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
  @ApiOperation({
    summary: 'Add a note, or log a contact with the complainant',
    description: 'An internal note; with `contactChannel` and `contactDirection` it records a call, letter, email or meeting. Notes are never copied into a letter. The case log holds the note’s keyed hash, not its text.',
  })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiErrors({ 400: 'text is missing or too long, or the contact fields are wrong; the message names the field', 404: 'No case has that reference' })
  addNote(@Param('reference', CaseReferencePipe) reference: string, @Body() body: CreateNoteDto, @CurrentStaff() staff: StaffUser): Promise<NoteDto> {
    return this.notes.add(reference, body, staff);
  }

  @Patch(':reference/complainant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct the complainant’s details',
    description: 'Fields left out stay as they are; null clears phone or address. The case log holds which fields changed and a keyed hash of the new details, never the details.',
  })
  @ApiOkResponse({ type: ComplainantChangedDto })
  @ApiErrors({ 400: 'A field is wrong; the message names it', 404: 'No case has that reference' })
  async updateComplainant(@Param('reference', CaseReferencePipe) reference: string, @Body() body: UpdateComplainantDto, @CurrentStaff() staff: StaffUser): Promise<ComplainantChangedDto> {
    return { changed: await this.complainants.update(reference, body, staff) };
  }

  /** A complaint that came by letter, email, phone or in person; deadlines run from receivedAt. */
  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Key in a complaint received by letter, email, phone or in person',
    description: 'Deadlines run from `receivedAt`, the day and time it reached the panel. It is triaged and acknowledged like a complaint made online.',
  })
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiErrors({ 400: 'A field is missing or wrong (receivedAt without a time zone, say); the message names it' })
  async keyIn(@Body() body: CreateKeyedComplaintDto, @CurrentStaff() staff: StaffUser): Promise<ComplaintReceiptDto> {
    const { receivedAt, channel, ...complaint } = body;
    const { reference, status, receivedAt: at } = await this.complaints.submit({ ...complaint, language: complaint.language ?? 'en', channel, receivedAt: new Date(receivedAt), actor: actorOf(staff) });
    return { reference, status, receivedAt: at };
  }

  @Post(':reference/outcome')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an outcome or a step in the case’s life',
    description: 'Recorded, not recorded, referred to the IOPC, informal resolution, disapplication, withdrawal and the rest, with the notes kept on the case (never in a letter). Meets the deadlines it answers.',
  })
  @ApiOkResponse({ type: OutcomeRecordedDto })
  @ApiErrors({ 400: 'kind or notes missing or wrong; the message names it', 404: 'No case has that reference', 409: 'The outcome does not fit the case’s category and state; nothing changed' })
  outcome(@Param('reference', CaseReferencePipe) reference: string, @Body() body: RecordOutcomeDto, @CurrentStaff() staff: StaffUser): Promise<OutcomeRecordedDto> {
    return this.work.recordOutcome(reference, body.kind, body.notes, staff);
  }

  @Post(':reference/classification')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the case’s category, with a reason',
    description: 'Applied at once, except taking a criminal case off the IOPC route: that waits for a second officer to confirm it.',
  })
  @ApiOkResponse({ type: OverrideResultDto, description: 'applied at once, or pending when it takes a criminal case off the IOPC route' })
  @ApiErrors({ 400: 'category or reason missing or wrong; the message names it', 404: 'No case has that reference', 409: 'The case is still awaiting triage, or already has that category' })
  classify(@Param('reference', CaseReferencePipe) reference: string, @Body() body: OverrideCategoryDto, @CurrentStaff() staff: StaffUser): Promise<OverrideResultDto> {
    return this.overrides.request(reference, body.category, body.reason, staff);
  }

  @Post(':reference/classification/confirmation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm or reject a pending change of category',
    description: 'A second officer, not the one who asked, confirms or rejects taking a criminal case off the IOPC route, with a reason.',
  })
  @ApiOkResponse({ type: OverrideResultDto, description: 'a second officer confirms or rejects a pending downgrade' })
  @ApiErrors({
    400: 'confirm or reason missing or wrong; the message names it',
    403: 'The officer who asked for the change cannot confirm it; or not an officer or admin',
    404: 'No case has that reference',
    409: 'No change of category is waiting for confirmation',
  })
  confirm(@Param('reference', CaseReferencePipe) reference: string, @Body() body: ConfirmOverrideDto, @CurrentStaff() staff: StaffUser): Promise<OverrideResultDto> {
    return this.overrides.decide(reference, body.confirm, body.reason, staff);
  }

  @Post(':reference/assignment')
  @HttpCode(204)
  @ApiOperation({ summary: 'Assign the case to an officer, or to nobody', description: '`{ assigneeId }` names an officer or admin; null leaves the case unassigned.' })
  @ApiNoContentResponse({ description: 'Assigned' })
  @ApiErrors({ 400: 'assigneeId is not a member of staff, or is an auditor', 404: 'No case has that reference' })
  async assign(@Param('reference', CaseReferencePipe) reference: string, @Body() body: AssignCaseDto, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.work.assign(reference, body.assigneeId, staff);
  }

  /** Runs the current rule set over the case; records a new triage when the category changes. */
  @Post(':reference/retriage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the current triage rules over one case',
    description: 'Records a new triage when the rules now reach another category; an officer’s category stays in force whatever they say.',
  })
  @ApiOkResponse({ type: RetriageResultDto })
  @ApiErrors({ 404: 'No case has that reference' })
  retriage(@Param('reference', CaseReferencePipe) reference: string): Promise<RetriageResultDto> {
    return this.replay.replayReference(reference, false, 'retriage');
  }
}
