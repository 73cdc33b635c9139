import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/roles.decorator.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { ComplaintStatusService } from '../complaints/complaint-status.service.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { formValues, toComplaintDto, validateForm, type FormValues } from './complaint-form.js';

/** The public complaint form: GOV.UK Frontend, server-rendered, works without JavaScript. */
@ApiExcludeController()
@Public()
@Controller('complaints')
export class ComplaintFormController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly statuses: ComplaintStatusService,
  ) {}

  @Get('new')
  async form(@Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, { submissionId: randomUUID() }, {});
  }

  @Post()
  @RateLimit('intake')
  @HttpCode(200)
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const values = formValues(body);
    const dto = toComplaintDto(values);
    const errors = validateForm(dto);
    if (Object.keys(errors).length) {
      await this.render(reply.status(400), values, errors);
      return;
    }
    const submissionId = /^[0-9a-f-]{36}$/.test(values.submissionId ?? '') ? `form-${values.submissionId}` : undefined;
    const receipt = await this.complaints.submit({ ...dto, channel: 'web', actor: 'complainant', idempotencyKey: submissionId });
    request.log.info({ reference: receipt.reference }, 'complaint received through the form');
    await reply.view('complaint-confirmation.njk', { reference: receipt.reference });
  }

  @Get('status')
  async statusForm(@Res() reply: FastifyReply): Promise<void> {
    await reply.view('complaint-status.njk', { csrfToken: reply.generateCsrf() });
  }

  /** A POST, so the email address never appears in a URL or an access log. */
  @Post('status')
  @RateLimit('login')
  @HttpCode(200)
  async status(@Body() body: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const reference = typeof body?.reference === 'string' ? body.reference.slice(0, 40) : '';
    const email = typeof body?.email === 'string' ? body.email.slice(0, 254) : '';
    const found = reference && email ? await this.statuses.lookup(reference, email) : null;
    if (!found) {
      const error = 'We could not find a complaint with that reference number and email address. Check both and try again.';
      await reply.status(404).view('complaint-status.njk', { csrfToken: reply.generateCsrf(), error, reference, email });
      return;
    }
    await reply.view('complaint-status.njk', { found });
  }

  private async render(reply: FastifyReply, values: FormValues, errors: Record<string, string>): Promise<void> {
    const errorList = Object.entries(errors).map(([field, text]) => ({ text, href: `#${field === 'subjectRole' ? 'subjectRole' : field}` }));
    await reply.view('complaint-form.njk', { values, errors, errorList, csrfToken: reply.generateCsrf() });
  }
}
