import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { LetterIdPipe } from '../cases/case-letters.controller.js';
import { CaseNotesService } from '../cases/case-notes.service.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { CasesService } from '../cases/cases.service.js';
import { DomainError } from '../common/domain-error.js';
import { CreateLetterDto, EditLetterDto, SendLetterDto } from '../letters/dto/letter.dto.js';
import { LETTER_KINDS, type LetterKind } from '../letters/letter.entity.js';
import { LETTERS } from '../letters/letter-templates.js';
import { LettersService } from '../letters/letters.service.js';
import { errorList, formFields, refusal, validateForm, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { DONE, LETTER_FORM } from './staff-messages.js';

/**
 * Writing a letter: choose the template and write what to tell the complainant; preview the whole letter and edit it;
 * then approve it to be emailed, or record it as posted and print its PDF.
 */
@ApiExcludeController()
@Roles('officer')
@Controller('cases/:reference/letters')
export class LetterPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly letters: LettersService,
    private readonly notes: CaseNotesService,
  ) {}

  @Get('new')
  async form(@Param('reference', CaseReferencePipe) reference: string, @Query('kind') kind: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.renderNew(reply, reference, staff, { kind: kind ?? '' }, {});
  }

  @Post()
  async draft(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['kind', 'message']);
    const { value, errors } = validateForm(CreateLetterDto, fields, LETTER_FORM);
    if (!errors.kind && LETTERS[value.kind].message === 'required' && !fields.message?.trim()) errors.message = LETTER_FORM.messages.message('isNotEmpty', '');
    if (Object.keys(errors).length) return this.renderNew(reply.status(400), reference, staff, fields, errors);
    try {
      const letter = await this.letters.draft(reference, value.kind, value.message, staff, { internalTexts: await this.notes.internalTexts(reference) });
      await reply.redirect(`/cases/${encodeURIComponent(reference)}/letters/${letter.id}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.renderNew(reply.status(error.status), reference, staff, fields, { [error.status === 400 ? 'message' : 'kind']: refusal(error) });
    }
  }

  @Get(':id')
  async preview(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.renderLetter(reply, reference, id, staff, { done: done ? DONE[done] : undefined });
  }

  @Post(':id')
  async save(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['subject', 'body']);
    const { value, errors } = validateForm(EditLetterDto, { subject: fields.subject ?? '', body: fields.body ?? '' }, LETTER_FORM);
    if (Object.keys(errors).length) return this.renderLetter(reply.status(400), reference, id, staff, { errors, values: fields });
    await this.attempt(reply, reference, id, staff, fields, async () => this.letters.edit(reference, id, value, staff, await this.guard(reference)), 'saved');
  }

  @Post(':id/sending')
  async send(@Param('reference', CaseReferencePipe) reference: string, @Param('id', LetterIdPipe) id: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['delivery']);
    const { value, errors } = validateForm(SendLetterDto, fields, LETTER_FORM);
    if (Object.keys(errors).length) return this.renderLetter(reply.status(400), reference, id, staff, { errors });
    await this.attempt(reply, reference, id, staff, {}, async () => this.letters.approve(reference, id, value.delivery, staff, await this.guard(reference)), value.delivery === 'email' ? 'emailed' : 'posted');
  }

  private async guard(reference: string) {
    return { internalTexts: await this.notes.internalTexts(reference) };
  }

  private async attempt(reply: FastifyReply, reference: string, id: string, staff: StaffUser, values: Record<string, string>, action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      await reply.redirect(`/cases/${encodeURIComponent(reference)}/letters/${id}?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.renderLetter(reply.status(error.status), reference, id, staff, { errors: { [error.status === 400 ? 'body' : 'delivery']: refusal(error) }, values });
    }
  }

  private async renderNew(reply: FastifyReply, reference: string, staff: StaffUser, values: Record<string, string>, errors: FieldErrors): Promise<void> {
    const found = await this.cases.get(reference, staff);
    const kinds = LETTER_KINDS.map((kind: LetterKind) => ({ kind, ...LETTERS[kind], fits: LETTERS[kind].when.includes(found.status as never) }));
    await reply.view('letter-new.njk', { case: found, kinds, values, errors, errorList: errorList(errors), staff, navigation: navigation(staff, '/cases') });
  }

  private async renderLetter(reply: FastifyReply, reference: string, id: string, staff: StaffUser, extra: { done?: string; errors?: FieldErrors; values?: Record<string, string> }): Promise<void> {
    const letter = await this.letters.get(reference, id);
    const errors = extra.errors ?? {};
    await reply.view('letter.njk', { reference, letter, done: extra.done, values: extra.values ?? {}, errors, errorList: errorList(errors), staff, navigation: navigation(staff, '/cases') });
  }
}
