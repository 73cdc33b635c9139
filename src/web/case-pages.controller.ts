import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { OUTCOME_KINDS } from '../cases/case-lifecycle.js';
import { CaseHistoryService } from '../cases/case-history.service.js';
import { CaseWorkService } from '../cases/case-work.service.js';
import { CasesService } from '../cases/cases.service.js';
import { AssignCaseDto, ConfirmOverrideDto, CreateLetterDto, OverrideCategoryDto, RecordOutcomeDto } from '../cases/dto/case-work.dto.js';
import { OverridesService } from '../cases/overrides.service.js';
import { DomainError } from '../common/domain-error.js';
import { CATEGORIES } from '../complaints/complaint-categories.js';
import { LETTER_KINDS } from '../letters/letter.entity.js';
import { LETTERS } from '../letters/letter-templates.js';
import { LettersService } from '../letters/letters.service.js';
import { ClearReviewDto } from '../triage/review/clear-review.dto.js';
import { TriageReviewService } from '../triage/review/triage-review.service.js';
import { UsersService } from '../users/users.service.js';
import { errorList, formFields, validateForm, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';

const DONE: Record<string, string> = {
  assigned: 'The case has been assigned.',
  classified: 'The category has been changed.',
  pending: 'The change of category is waiting for a second officer to confirm it.',
  confirmed: 'The change of category has been decided.',
  outcome: 'The outcome has been recorded.',
  letter: 'The letter has been made and stored on the case.',
  reviewed: "The triage's review has been cleared.",
};

/** The officers' queue and case page, with a form for every move. Complaint text is always escaped by Nunjucks. */
@ApiExcludeController()
@Roles('officer', 'auditor')
@Controller('cases')
export class CasePagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly history: CaseHistoryService,
    private readonly work: CaseWorkService,
    private readonly overrides: OverridesService,
    private readonly letters: LettersService,
    private readonly users: UsersService,
    private readonly reviews: TriageReviewService,
  ) {}

  @Get(':reference')
  async case(@Param('reference', CaseReferencePipe) reference: string, @Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, reference, staff, { done: done ? DONE[done] : undefined });
  }

  @Roles('officer')
  @Post(':reference/assignment')
  async assign(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['assigneeId']);
    await this.act(reply, reference, staff, AssignCaseDto, { assigneeId: fields.assigneeId || null }, 'assigned', (dto) => this.work.assign(reference, dto.assigneeId, staff));
  }

  @Roles('officer')
  @Post(':reference/classification')
  async classify(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.act(reply, reference, staff, OverrideCategoryDto, formFields(body, ['category', 'reason']), 'classified', async (dto) => {
      const result = await this.overrides.request(reference, dto.category, dto.reason, staff);
      return result.state === 'pending' ? 'pending' : 'classified';
    });
  }

  @Roles('officer')
  @Post(':reference/classification/confirmation')
  async confirm(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['confirm', 'confirmReason']);
    const values = { confirm: fields.confirm === 'yes' ? true : fields.confirm === 'no' ? false : undefined, reason: fields.confirmReason };
    await this.act(reply, reference, staff, ConfirmOverrideDto, values, 'confirmed', (dto) => this.overrides.decide(reference, dto.confirm, dto.reason, staff));
  }

  @Roles('officer')
  @Post(':reference/outcome')
  async outcome(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.act(reply, reference, staff, RecordOutcomeDto, formFields(body, ['kind', 'notes']), 'outcome', (dto) => this.work.recordOutcome(reference, dto.kind, dto.notes, staff));
  }

  @Roles('officer')
  @Post(':reference/letters')
  async letter(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.act(reply, reference, staff, CreateLetterDto, formFields(body, ['kind']), 'letter', (dto) => this.letters.create(reference, dto.kind, staff));
  }

  @Roles('officer')
  @Post(':reference/review/clearance')
  async clearReview(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['reviewReason']);
    if (!fields.reviewReason?.trim()) {
      return this.render(reply.status(400), reference, staff, { errors: { reviewReason: 'Enter what you found before clearing the review' }, values: fields });
    }
    await this.act(reply, reference, staff, ClearReviewDto, { reason: fields.reviewReason, reviewReason: fields.reviewReason }, 'reviewed', (dto) => this.reviews.clear(reference, dto.reason, staff));
  }

  /** Validates, acts, then redirects back (post/redirect/get); a refused move re-renders the page with its reason. */
  private async act<T extends object>(
    reply: FastifyReply,
    reference: string,
    staff: StaffUser,
    dto: new () => T,
    values: Record<string, unknown>,
    done: string,
    action: (value: T) => Promise<unknown>,
  ): Promise<void> {
    const { value, errors } = validateForm(dto, values);
    if (Object.keys(errors).length) return this.render(reply.status(400), reference, staff, { errors, values });
    try {
      const result = await action(value);
      await reply.redirect(`/cases/${encodeURIComponent(reference)}?done=${typeof result === 'string' ? result : done}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.render(reply.status(error.status), reference, staff, { errors: { form: error.message }, values });
    }
  }

  private async render(reply: FastifyReply, reference: string, staff: StaffUser, extra: { done?: string; errors?: FieldErrors; values?: Record<string, unknown> }): Promise<void> {
    const found = await this.cases.get(reference, staff);
    const [history, letters, officers] = await Promise.all([
      this.history.forCase(reference),
      staff.role === 'auditor' ? Promise.resolve([]) : this.letters.list(reference),
      staff.role === 'auditor' ? Promise.resolve([]) : this.users.list(),
    ]);
    await reply.view('case.njk', {
      case: found,
      history,
      letters,
      officers: officers.filter((u) => u.role !== 'auditor'),
      staff,
      canWork: staff.role !== 'auditor',
      canConfirm: !!found.pendingOverride && found.pendingOverride.requestedBy !== staff.email,
      categories: CATEGORIES,
      outcomeKinds: OUTCOME_KINDS,
      letterKinds: LETTER_KINDS.map((kind) => ({ value: kind, text: LETTERS[kind].title })),
      done: extra.done,
      errors: extra.errors ?? {},
      errorList: errorList(extra.errors ?? {}),
      values: extra.values ?? {},
      navigation: navigation(staff, '/cases'),
    });
  }
}
