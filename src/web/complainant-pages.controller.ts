import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { CasesService } from '../cases/cases.service.js';
import { ComplainantDetailsService } from '../complaints/complainant-details.service.js';
import { UpdateComplainantDto } from '../complaints/dto/update-complainant.dto.js';
import { errorList, formFields, validateForm, type FieldErrors } from './form-validation.js';
import { navigation } from './navigation.js';
import { COMPLAINANT_FORM } from './staff-messages.js';

const FIELDS = ['name', 'email', 'phone', 'postalAddress'] as const;

/** Correcting the complainant's details: a page of its own, so the case page stays a page of work. */
@ApiExcludeController()
@Roles('officer')
@Controller('cases/:reference/complainant')
export class ComplainantPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly details: ComplainantDetailsService,
  ) {}

  @Get()
  async form(@Param('reference', CaseReferencePipe) reference: string, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const found = await this.cases.get(reference, staff);
    await this.render(reply, reference, staff, { ...found.complainant } as Record<string, string>, {});
  }

  @Post()
  async save(@Param('reference', CaseReferencePipe) reference: string, @Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(body, FIELDS);
    const values = { name: fields.name ?? '', email: (fields.email ?? '').trim(), phone: fields.phone?.trim() || null, postalAddress: fields.postalAddress?.trim() || null };
    const { value, errors } = validateForm(UpdateComplainantDto, values, COMPLAINANT_FORM);
    if (!values.name.trim()) errors.name = COMPLAINANT_FORM.messages.name('isCleanText', '');
    if (Object.keys(errors).length) return this.render(reply.status(400), reference, staff, fields, errors);
    const changed = await this.details.update(reference, value, staff);
    await reply.redirect(`/cases/${encodeURIComponent(reference)}?done=${changed.length ? 'complainant' : 'unchanged'}#complainant`, 303);
  }

  private async render(reply: FastifyReply, reference: string, staff: StaffUser, values: Record<string, string | null>, errors: FieldErrors): Promise<void> {
    await reply.view('complainant-edit.njk', { reference, values, errors, errorList: errorList(errors), staff, navigation: navigation(staff, '/cases') });
  }
}
