import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { CreateLetterDto, EditLetterDto, LetterDto, SendLetterDto } from '../letters/dto/letter.dto.js';
import { letterPdf } from '../letters/letter-pdf.js';
import { LettersService, type LetterView } from '../letters/letters.service.js';
import { CaseNotesService } from './case-notes.service.js';
import { CaseReferencePipe } from './case-reference.pipe.js';

export const LetterIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('LETTER.NOT_FOUND', 'This case has no letter with that id', 404) });

/** Letters to the complainant: drafted from a template and the officer's words, previewed, edited, then sent. */
@ApiTags('letters')
@ApiBearerAuth()
@Roles('officer')
@Controller('api/cases/:reference/letters')
export class CaseLettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly notes: CaseNotesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [LetterDto] })
  list(@Param('reference', CaseReferencePipe) reference: string): Promise<LetterView[]> {
    return this.letters.list(reference);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: LetterDto, description: 'a draft, to preview and edit before it is sent' })
  async draft(@Param('reference', CaseReferencePipe) reference: string, @Body() body: CreateLetterDto, @CurrentStaff() staff: StaffUser): Promise<LetterView> {
    return this.letters.draft(reference, body.kind, body.message, staff, { internalTexts: await this.notes.internalTexts(reference) });
  }

  @Get(':id')
  @ApiOkResponse({ type: LetterDto })
  get(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string): Promise<LetterView> {
    return this.letters.get(reference, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: LetterDto })
  async edit(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Body() body: EditLetterDto, @CurrentStaff() staff: StaffUser): Promise<LetterView> {
    return this.letters.edit(reference, id, body, staff, { internalTexts: await this.notes.internalTexts(reference) });
  }

  @Post(':id/sending')
  @HttpCode(200)
  @ApiOkResponse({ type: LetterDto, description: 'by email: status "sending" until a worker has sent it; by post: "sent"' })
  async send(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Body() body: SendLetterDto, @CurrentStaff() staff: StaffUser): Promise<LetterView> {
    return this.letters.approve(reference, id, body.delivery, staff, { internalTexts: await this.notes.internalTexts(reference) });
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the letter as a PDF, to print and post' })
  async pdf(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const letter = await this.letters.get(reference, id);
    const pdf = await letterPdf(letter);
    await reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="letter-${reference}-${letter.kind}.pdf"`).send(pdf);
  }
}
