import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { DomainError } from '../common/domain-error.js';
import { SUBJECT_ROLES } from '../complaints/complaint-categories.js';
import { RecordTermEndDto } from '../retention/dto/retention.dto.js';
import { RetentionService } from '../retention/retention.service.js';
import { errorList, formFields, refusal, validateForm, type FieldErrors } from './form-validation.js';
import { dateFromParts } from './date-parts.js';
import { navigation } from './navigation.js';
import { DONE, TERM_FORM } from './staff-messages.js';

/** The preview lists this many cases of each kind; the counts are whole, and `GET /api/retention` lists every case. */
export const PREVIEW_LIMIT = 50;
const TERM_FIELDS = ['holderName', 'subjectRole', 'endedOn-day', 'endedOn-month', 'endedOn-year'] as const;
const TermIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('RETENTION.TERM_END_NOT_FOUND', 'No term end with that id', 404) });

/** The retention schedule as configured, what its next run will erase, and the office holders' term ends. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/retention')
export class RetentionPagesController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  async page(@Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, staff, { done: done ? DONE[done] : undefined });
  }

  @Post('terms')
  async record(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const values = formFields(body, TERM_FIELDS);
    const endedOn = dateFromParts(values['endedOn-day'], values['endedOn-month'], values['endedOn-year']);
    const { value, errors } = validateForm(
      RecordTermEndDto,
      { subjectRole: values.subjectRole ?? '', endedOn: endedOn ?? '', holderName: values.holderName?.trim() || undefined },
      TERM_FORM,
    );
    // the one strict parser has the first word on the date: an empty date and an impossible one are told apart
    if (endedOn === '') errors['endedOn-day'] = 'Enter the day they leave office';
    else if (endedOn === null) errors['endedOn-day'] = 'The day they leave office must be a real date, like 8 5 2028';
    if (Object.keys(errors).length) return this.render(reply.status(400), staff, { values, errors });
    try {
      await this.retention.recordTermEnd(value.subjectRole, value.endedOn, staff, value.holderName ?? null);
      await reply.redirect('/admin/retention?done=term-recorded#term-ends', 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.render(reply.status(error.status), staff, { values, errors: { 'endedOn-day': refusal(error) } });
    }
  }

  @Post('terms/:id/removal')
  async remove(@Param('id', TermIdPipe) id: string, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.retention.removeTermEnd(id, staff);
    await reply.redirect('/admin/retention?done=term-removed#term-ends', 303);
  }

  private async render(reply: FastifyReply, staff: StaffUser, state: { done?: string; values?: Record<string, string>; errors?: FieldErrors }): Promise<void> {
    const [preview, terms] = await Promise.all([this.retention.preview(), this.retention.terms()]);
    const errors = state.errors ?? {};
    await reply.view('admin/retention.njk', {
      schedule: preview.schedule,
      due: preview.due.slice(0, PREVIEW_LIMIT),
      dueCount: preview.due.length,
      held: preview.held.slice(0, PREVIEW_LIMIT),
      heldCount: preview.held.length,
      waitingForTermEnd: preview.waitingForTermEnd,
      limit: PREVIEW_LIMIT,
      terms,
      roles: SUBJECT_ROLES,
      done: state.done,
      values: state.values ?? {},
      errors,
      errorList: errorList(errors),
      staff,
      navigation: navigation(staff, '/admin'),
    });
  }
}
