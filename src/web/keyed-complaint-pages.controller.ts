import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { KEYED_CHANNELS } from '../cases/dto/create-keyed-complaint.dto.js';
import { SUBJECT_ROLES } from '../complaints/complaint-categories.js';
import { ComplaintsService, IdempotencyKeyReused } from '../complaints/complaints.service.js';
import { errorList, type FieldErrors } from './form-validation.js';
import { readKeyedForm } from './keyed-complaint-form.js';
import { navigation } from './navigation.js';

/** Officers key in a complaint that came by post, email, phone or in person; its deadlines run from when it arrived. */
@ApiExcludeController()
@Roles('officer')
@Controller('cases/new')
export class KeyedComplaintPagesController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Get()
  async form(@CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, staff, { submissionId: randomUUID() }, {});
  }

  @Post()
  async add(@Body() body: unknown, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const { values, dto, errors } = readKeyedForm(body);
    if (!dto) return this.render(reply.status(400), staff, values, errors);
    const { receivedAt, channel, ...complaint } = dto;
    // The form's own id: a second press of the button (or a resend after a slow answer) adds the complaint once.
    const idempotencyKey = /^[0-9a-f-]{36}$/.test(values.submissionId ?? '') ? `keyed-${values.submissionId}` : undefined;
    try {
      const receipt = await this.complaints.submit({ ...complaint, language: complaint.language ?? 'en', channel, receivedAt: new Date(receivedAt), actor: actorOf(staff), idempotencyKey });
      await reply.redirect(`/cases/${encodeURIComponent(receipt.reference)}?done=keyed`, 303);
    } catch (error) {
      if (!(error instanceof IdempotencyKeyReused)) throw error;
      const text = 'This form has already been used to add a different complaint. Check the answers, then select “Add the complaint” to add this one as well.';
      await this.render(reply.status(409), staff, { ...values, submissionId: randomUUID() }, { channel: text });
    }
  }

  private async render(reply: FastifyReply, staff: StaffUser, values: Record<string, string>, errors: FieldErrors): Promise<void> {
    await reply.view('keyed-complaint.njk', { values, errors, errorList: errorList(errors), channels: KEYED_CHANNELS, subjectRoles: SUBJECT_ROLES, staff, navigation: navigation(staff, '/cases/new') });
  }
}
