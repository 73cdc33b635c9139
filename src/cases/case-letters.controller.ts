import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors, FILE_SCHEMA } from '../common/openapi.js';
import { CreateLetterDto, EditLetterDto, LetterDto, SendLetterDto } from '../letters/dto/letter.dto.js';
import { letterPdf } from '../letters/letter-pdf.js';
import { LettersService, type LetterView } from '../letters/letters.service.js';
import { CaseNotesService } from './case-notes.service.js';
import { CaseReferencePipe } from './case-reference.pipe.js';

export const LetterIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('LETTER.NOT_FOUND', 'This case has no letter with that id', 404) });

/** Letters to the complainant: drafted from a template and the officer's words, previewed, edited, then sent. */
@ApiTags('letters')
@Roles('officer')
@Controller('api/cases/:reference/letters')
export class CaseLettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly notes: CaseNotesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The case’s letters', description: 'Drafts, letters waiting to be sent, sent and failed ones, oldest first.' })
  @ApiOkResponse({ type: [LetterDto] })
  @ApiErrors({ 404: 'No case has that reference' })
  list(@Param('reference', CaseReferencePipe) reference: string): Promise<LetterView[]> {
    return this.letters.list(reference);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Draft a letter from its template',
    description: 'The template fills in the case’s facts; `message` is what the officer writes for the complainant. Internal notes and outcome notes are never used, and a message repeating one is refused.',
  })
  @ApiCreatedResponse({ type: LetterDto, description: 'a draft, to preview and edit before it is sent' })
  @ApiErrors({
    400: 'kind or message missing or wrong, or the message repeats an internal note; the message names it',
    404: 'No case has that reference',
    409: 'The letter does not fit the case’s state, or the case already has its acknowledgement',
  })
  async draft(@Param('reference', CaseReferencePipe) reference: string, @Body() body: CreateLetterDto, @CurrentStaff() staff: StaffUser): Promise<LetterView> {
    return this.letters.draft(reference, body.kind, body.message, staff, { internalTexts: await this.notes.internalTexts(reference) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One letter, as it will be sent', description: 'The preview: subject, body, recipient and how it goes.' })
  @ApiOkResponse({ type: LetterDto })
  @ApiErrors({ 404: 'No case has that reference, or it has no letter with that id' })
  get(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string): Promise<LetterView> {
    return this.letters.get(reference, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft letter', description: 'The subject and the whole body, as they will be sent. Only a draft can change.' })
  @ApiOkResponse({ type: LetterDto })
  @ApiErrors({
    400: 'subject or body empty, too long or repeating an internal note; the message names it',
    404: 'No case has that reference, or it has no letter with that id',
    409: 'The letter has already been approved to send',
  })
  async edit(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Body() body: EditLetterDto, @CurrentStaff() staff: StaffUser): Promise<LetterView> {
    return this.letters.edit(reference, id, body, staff, { internalTexts: await this.notes.internalTexts(reference) });
  }

  @Post(':id/sending')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a letter and send it, by email or post',
    description: 'By email a worker sends it through the outbox; by post the officer prints the PDF and it counts as sent now. A failed email can be approved again.',
  })
  @ApiOkResponse({ type: LetterDto, description: 'by email: status "sending" until a worker has sent it; by post: "sent"' })
  @ApiErrors({
    400: 'delivery missing or wrong, or the letter repeats an internal note',
    404: 'No case has that reference, or it has no letter with that id',
    409: 'Already approved, or no email address (or no postal address) to send it to',
  })
  async send(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Body() body: SendLetterDto, @CurrentStaff() staff: StaffUser): Promise<LetterView> {
    return this.letters.approve(reference, id, body.delivery, staff, { internalTexts: await this.notes.internalTexts(reference) });
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The letter as a PDF, to print and post', description: 'A4, the address where a DL window envelope shows it, in a font with every Welsh letter.' })
  @ApiOkResponse({ description: 'the letter as a PDF, to print and post', schema: FILE_SCHEMA })
  @ApiErrors({ 404: 'No case has that reference, or it has no letter with that id' })
  async pdf(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.letters.get(reference, id);
    const pdf = await letterPdf(letter);
    await reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="letter-${reference}-${letter.kind}.pdf"`).send(pdf);
  }
}
