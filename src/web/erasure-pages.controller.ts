import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseReferencePipe, REFERENCE_PATTERN } from '../cases/case-reference.pipe.js';
import { DomainError } from '../common/domain-error.js';
import { EraseCaseDto } from '../erasure/dto/erasure.dto.js';
import { ErasureService, type ErasurePlan, type ErasureScope } from '../erasure/erasure.service.js';
import { errorList, formFields, refusal, validateForm, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { ERASURE_FORM } from './staff-messages.js';

const referenceOf = new CaseReferencePipe();
const SCOPES: readonly ErasureScope[] = ['case', 'complainant'];

interface FormState {
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** A refusal of the whole erasure (a legal hold), shown at the top with where to go about it. */
  refused?: { text: string; href: string };
}

/**
 * The erasure of a case's personal data, or of every case of its complainant, in three steps: what it reaches and
 * what it keeps, with the reason asked for; "are you sure"; what was erased. The erasure module does the work.
 */
@ApiExcludeController()
@Roles('admin')
@Controller('admin')
export class ErasurePagesController {
  constructor(private readonly erasure: ErasureService) {}

  @Get('erasure')
  async form(@Query('reference', CaseReferencePipe) reference: string, @Query('scope') scope: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.renderForm(reply, reference, staff, { values: { scope: SCOPES.includes(scope as ErasureScope) ? scope! : 'case' } });
  }

  /** The form's answers are checked, then the admin is asked to confirm; nothing is erased yet. */
  @Post('erasure')
  async check(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['reference', 'scope', 'reason']);
    const reference = referenceOf.transform(fields.reference ?? '');
    const checked = await this.checked(reply, reference, fields, staff);
    if (!checked) return;
    await reply.view('admin/erasure-confirm.njk', { reference, scope: checked.scope, reason: checked.reason, plan: checked.plan, staff, navigation: navigation(staff, '/admin') });
  }

  @Post('erasure/confirmation')
  async erase(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['reference', 'scope', 'reason']);
    const reference = referenceOf.transform(fields.reference ?? '');
    const checked = await this.checked(reply, reference, fields, staff);
    if (!checked) return;
    try {
      const erased = await this.erasure.erase(reference, { scope: checked.scope, trigger: 'request', reason: checked.reason, actor: actorOf(staff), staffId: staff.id });
      const cases = erased.map((e) => e.reference).join(' ');
      await reply.redirect(`/admin/erasure/done?reference=${encodeURIComponent(reference)}&cases=${encodeURIComponent(cases)}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      // a reason naming the complainant (400), or a hold placed since the check (409)
      const shown = error.status === 409 ? { refused: { text: refusal(error), href: `/admin/legal-holds?reference=${encodeURIComponent(reference)}` } } : { errors: { reason: refusal(error) } };
      await this.renderForm(reply.status(error.status), reference, staff, { values: fields, ...shown });
    }
  }

  @Get('erasure/done')
  async done(@Query('reference', CaseReferencePipe) reference: string, @Query('cases') cases: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const references = [...new Set(String(cases ?? reference).split(/[\s,]+/).map((r) => r.toUpperCase()))].filter((r) => REFERENCE_PATTERN.test(r));
    const records = await this.erasure.recent(100, references.length ? references : [reference]);
    if (!records.length) throw new DomainError('CASE.NOT_FOUND', 'No erasure of that case', 404);
    await reply.view('admin/erasure-done.njk', { reference, records, staff, navigation: navigation(staff, '/admin') });
  }

  @Get('erasures')
  async list(@CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await reply.view('admin/erasures.njk', { records: await this.erasure.recent(100), staff, navigation: navigation(staff, '/admin') });
  }

  /**
   * The reason and scope as the form gave them, checked as the API checks them, and the cases they reach, none held
   * or all already erased; or null, the form shown again with what is wrong.
   */
  private async checked(reply: FastifyReply, reference: string, fields: Record<string, string>, staff: StaffUser): Promise<{ scope: ErasureScope; reason: string; plan: ErasurePlan } | null> {
    const { value, errors } = validateForm(EraseCaseDto, { reason: fields.reason ?? '', scope: fields.scope ?? '' }, ERASURE_FORM);
    if (Object.keys(errors).length) {
      await this.renderForm(reply.status(400), reference, staff, { values: fields, errors });
      return null;
    }
    const scope = value.scope ?? 'case';
    const plan = await this.erasure.plan(reference, scope);
    const held = plan.cases.filter((c) => c.held);
    if (held.length) {
      const text = `${held.map((c) => c.reference).join(', ')} ${held.length === 1 ? 'is' : 'are'} under a legal hold, so nothing can be erased. Lift the hold first`;
      await this.renderForm(reply.status(409), reference, staff, { values: fields, refused: { text, href: `/admin/legal-holds?reference=${encodeURIComponent(held[0].reference)}` } });
      return null;
    }
    if (plan.cases.every((c) => c.erasedAt)) {
      await this.renderForm(reply.status(409), reference, staff, { values: fields, refused: { text: 'Its personal data has already been erased', href: `/cases/${encodeURIComponent(reference)}` } });
      return null;
    }
    try {
      await this.erasure.checkReason(reference, scope, value.reason);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 400) throw error;
      await this.renderForm(reply.status(400), reference, staff, { values: fields, errors: { reason: refusal(error) } });
      return null;
    }
    return { scope, reason: value.reason, plan };
  }

  private async renderForm(reply: FastifyReply, reference: string, staff: StaffUser, state: FormState): Promise<void> {
    const [own, everyCase] = await Promise.all([this.erasure.plan(reference, 'case'), this.erasure.plan(reference, 'complainant')]);
    const errors = state.errors ?? {};
    await reply.view('admin/erasure.njk', {
      reference,
      own: own.cases[0],
      complainantName: own.complainantName,
      everyCase,
      held: everyCase.cases.filter((c) => c.held),
      values: state.values ?? {},
      errors,
      refused: state.refused,
      errorList: [...(state.refused ? [state.refused] : []), ...errorList(errors)],
      staff,
      navigation: navigation(staff, '/admin'),
    });
  }
}
