import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseNotesService } from '../cases/case-notes.service.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { CaseWorkService } from '../cases/case-work.service.js';
import { CreateNoteDto } from '../cases/dto/case-note.dto.js';
import { AssignCaseDto, ConfirmOverrideDto, OverrideCategoryDto, RecordOutcomeDto } from '../cases/dto/case-work.dto.js';
import { OverridesService } from '../cases/overrides.service.js';
import { DomainError } from '../common/domain-error.js';
import { ClearReviewDto } from '../triage/review/clear-review.dto.js';
import { TriageReviewService } from '../triage/review/triage-review.service.js';
import { CasePageView } from './case-page.view.js';
import { formFields, refusal, validateForm } from './form-validation.js';
import { ASSIGN_FORM, CATEGORY_FORM, CONFIRM_FORM, NOTE_FORM, OUTCOME_FORM, REVIEW_FORM, type StaffForm } from './staff-messages.js';

/** The case page, with a form for every move; each posts here, then comes back to the page (post/redirect/get). */
@ApiExcludeController()
@Roles('officer', 'auditor')
@Controller('cases')
export class CasePagesController {
  constructor(
    private readonly page: CasePageView,
    private readonly work: CaseWorkService,
    private readonly overrides: OverridesService,
    private readonly reviews: TriageReviewService,
    private readonly notes: CaseNotesService,
  ) {}

  @Get(':reference')
  async case(@Param('reference', CaseReferencePipe) reference: string, @Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.page.render(reply, reference, staff, { done });
  }

  @Roles('officer')
  @Post(':reference/assignment')
  async assign(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['assigneeId']);
    await this.act(reply, reference, staff, '#assign', AssignCaseDto, ASSIGN_FORM, { assigneeId: fields.assigneeId || null }, (dto) => this.work.assign(reference, dto.assigneeId, staff).then(() => 'assigned'));
  }

  @Roles('officer')
  @Post(':reference/classification')
  async classify(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.act(reply, reference, staff, '#change-category', OverrideCategoryDto, CATEGORY_FORM, formFields(body, ['category', 'reason']), async (dto) => {
      const result = await this.overrides.request(reference, dto.category, dto.reason, staff);
      return result.state === 'pending' ? 'pending' : 'classified';
    });
  }

  @Roles('officer')
  @Post(':reference/classification/confirmation')
  async confirm(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['confirm', 'confirmReason']);
    const values = { confirm: fields.confirm === 'yes' ? true : fields.confirm === 'no' ? false : undefined, reason: fields.confirmReason };
    await this.act(reply, reference, staff, '#confirm-category', ConfirmOverrideDto, CONFIRM_FORM, values, (dto) => this.overrides.decide(reference, dto.confirm, dto.reason, staff).then(() => 'confirmed'), fields);
  }

  @Roles('officer')
  @Post(':reference/outcome')
  async outcome(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.act(reply, reference, staff, '#record-outcome', RecordOutcomeDto, OUTCOME_FORM, formFields(body, ['kind', 'notes']), (dto) => this.work.recordOutcome(reference, dto.kind, dto.notes, staff).then(() => 'outcome'));
  }

  @Roles('officer')
  @Post(':reference/review/clearance')
  async clearReview(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['reviewReason']);
    await this.act(reply, reference, staff, '#triage-review', ClearReviewDto, REVIEW_FORM, { reason: fields.reviewReason ?? '' }, (dto) => this.reviews.clear(reference, dto.reason, staff).then(() => 'reviewed'), fields);
  }

  @Roles('officer')
  @Post(':reference/notes')
  async addNote(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['noteText', 'contact', 'contactChannel', 'contactDirection']);
    const contact = fields.contact === 'yes';
    const values = { text: fields.noteText ?? '', ...(contact ? { contactChannel: fields.contactChannel || 'none', contactDirection: fields.contactDirection || 'none' } : {}) };
    await this.act(reply, reference, staff, '#notes-log', CreateNoteDto, NOTE_FORM, values, (dto) => this.notes.add(reference, dto, staff).then(() => (contact ? 'contact' : 'note')), fields);
  }

  /**
   * Validates in the form's own words, acts, then goes back to the page with a banner. A refused move (409) shows the
   * page again with the reason at the top, linked to the form it came from; what was typed is kept.
   */
  private async act<T extends object>(
    reply: FastifyReply,
    reference: string,
    staff: StaffUser,
    formAnchor: string,
    dto: new () => T,
    form: StaffForm,
    values: Record<string, unknown>,
    action: (value: T) => Promise<string>,
    shown: Record<string, unknown> = values,
  ): Promise<void> {
    const { value, errors } = validateForm(dto, values, form);
    if (Object.keys(errors).length) return this.page.render(reply.status(400), reference, staff, { errors, values: shown });
    try {
      const done = await action(value);
      await reply.redirect(`/cases/${encodeURIComponent(reference)}?done=${done}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.page.render(reply.status(error.status), reference, staff, { refused: { text: refusal(error), href: formAnchor }, values: shown });
    }
  }
}
