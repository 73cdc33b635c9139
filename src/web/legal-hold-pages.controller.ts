import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { REFERENCE_PATTERN } from '../cases/case-reference.pipe.js';
import { DomainError } from '../common/domain-error.js';
import { LegalHoldDto } from '../erasure/dto/erasure.dto.js';
import { ErasureService } from '../erasure/erasure.service.js';
import { LegalHoldsService } from '../erasure/legal-holds.service.js';
import { errorList, formFields, refusal, validateForm, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { DONE, HOLD_FORM, LIFT_FORM } from './staff-messages.js';

interface PageState {
  done?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  status?: number;
}

/** Legal holds: every case held, and for one case a form to place a hold or lift it, each with a reason. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/legal-holds')
export class LegalHoldPagesController {
  constructor(
    private readonly holds: LegalHoldsService,
    private readonly erasure: ErasureService,
  ) {}

  @Get()
  async page(@Query('reference') reference: string | undefined, @Query('done') done: string | undefined, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, staff, reference, { done: done ? DONE[done] : undefined });
  }

  @Post()
  async change(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, ['reference', 'action', 'holdReason', 'liftReason']);
    const place = fields.action !== 'lift';
    const reference = (fields.reference ?? '').trim().toUpperCase();
    const { value, errors } = validateForm(LegalHoldDto, { held: place, reason: (place ? fields.holdReason : fields.liftReason) ?? '' }, place ? HOLD_FORM : LIFT_FORM);
    if (Object.keys(errors).length) return this.render(reply, staff, reference, { values: fields, errors, status: 400 });
    try {
      if (place) await this.holds.place(reference, value.reason, staff);
      else await this.holds.release(reference, value.reason, staff);
      await reply.redirect(`/admin/legal-holds?reference=${encodeURIComponent(reference)}&done=${place ? 'hold-placed' : 'hold-lifted'}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404) throw error;
      await this.render(reply, staff, reference, { values: fields, errors: { [place ? 'holdReason' : 'liftReason']: refusal(error) }, status: error.status });
    }
  }

  /**
   * The page, with the case named in `reference` if there is one: a reference typed into the page's own search that
   * is not one, or names no case, is an error on that field rather than a bare 404.
   */
  private async render(reply: FastifyReply, staff: StaffUser, typed: string | undefined, state: PageState): Promise<void> {
    const errors = { ...state.errors };
    let found: { reference: string; erasedAt: string | null; hold: Awaited<ReturnType<LegalHoldsService['forCase']>> } | undefined;
    const reference = typed?.trim().toUpperCase();
    let status = state.status ?? 200;
    if (reference !== undefined) {
      if (!REFERENCE_PATTERN.test(reference)) {
        errors.reference = reference ? 'Enter a case reference in the correct format, like PCC-2026-0001' : 'Enter a case reference';
        status = 400;
      } else {
        try {
          const [plan, hold] = await Promise.all([this.erasure.plan(reference, 'case'), this.holds.forCase(reference)]);
          found = { reference, erasedAt: plan.cases[0].erasedAt, hold };
        } catch (error) {
          if (!(error instanceof DomainError) || error.status !== 404) throw error;
          errors.reference = `No case has the reference ${reference}`;
          status = 404;
        }
      }
    }
    await reply.status(status).view('admin/legal-holds.njk', {
      holds: await this.holds.list(),
      found,
      typed: typed ?? '',
      done: state.done,
      values: state.values ?? {},
      errors,
      errorList: errorList(errors),
      staff,
      navigation: navigation(staff, '/admin'),
    });
  }
}
