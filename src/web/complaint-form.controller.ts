import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/roles.decorator.js';
import { Environment } from '../config/environment.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { RateLimitService } from '../rate-limit/rate-limit.service.js';
import { ComplaintStatusService } from '../complaints/complaint-status.service.js';
import { ComplaintsService, IdempotencyKeyReused, type Receipt } from '../complaints/complaints.service.js';
import { formValues, toComplaintDto, validateForm, type FormValues } from './complaint-form.js';

const ALREADY_SENT = 'This form has already been used to send a different complaint. Check your answers, then select “Send complaint” to send this one as a new complaint.';

interface ErrorLink {
  text: string;
  href: string;
}

/** The public complaint form: GOV.UK Frontend, server-rendered, works without JavaScript. */
@ApiExcludeController()
@Public()
@Controller('complaints')
export class ComplaintFormController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly statuses: ComplaintStatusService,
    private readonly limits: RateLimitService,
    private readonly env: Environment,
  ) {}

  @Get('new')
  async form(@Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, { submissionId: randomUUID() }, {});
  }

  /**
   * Rate limited like the API (INTAKE_RATE_LIMIT, the same counter), but checked here rather than by the guard so that
   * a person who is refused gets the form back with everything they typed, not an error page.
   */
  @Post()
  @HttpCode(200)
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const values = formValues(body);
    const limit = await this.limits.hit(`intake:${request.ip}`, this.env.INTAKE_RATE_LIMIT);
    if (!limit.allowed) {
      const wait = limit.retryAfter > 90 ? `${Math.ceil(limit.retryAfter / 60)} minutes` : `${limit.retryAfter} seconds`;
      const text = `Too many complaints have been sent from your connection in a short time. Your complaint has not been sent yet: wait ${wait}, then select “Send complaint” again.`;
      await this.render(reply.status(429).header('retry-after', String(limit.retryAfter)), values, {}, [{ text, href: '#summary' }]);
      return;
    }
    const dto = toComplaintDto(values);
    const errors = validateForm(dto);
    if (Object.keys(errors).length) {
      await this.render(reply.status(400), values, errors);
      return;
    }
    const submissionId = /^[0-9a-f-]{36}$/.test(values.submissionId ?? '') ? `form-${values.submissionId}` : undefined;
    let receipt: Receipt;
    try {
      receipt = await this.complaints.submit({ ...dto, channel: 'web', actor: 'complainant', idempotencyKey: submissionId });
    } catch (error) {
      if (!(error instanceof IdempotencyKeyReused)) throw error;
      // This form (e.g. reached again with the Back button) already sent a different complaint: never answer with that
      // complaint's reference. A fresh submission id lets the person send this one as a complaint of its own.
      await this.render(reply.status(409), { ...values, submissionId: randomUUID() }, {}, [{ text: ALREADY_SENT, href: '#summary' }]);
      return;
    }
    request.log.info({ reference: receipt.reference }, 'complaint received through the form');
    await reply.view('complaint-confirmation.njk', { reference: receipt.reference });
  }

  @Get('status')
  async statusForm(@Res() reply: FastifyReply): Promise<void> {
    await reply.view('complaint-status.njk', {});
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
      await reply.status(404).view('complaint-status.njk', { error, reference, email });
      return;
    }
    await reply.view('complaint-status.njk', { found });
  }

  private async render(reply: FastifyReply, values: FormValues, errors: Record<string, string>, notices: ErrorLink[] = []): Promise<void> {
    const errorList = [...notices, ...Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))];
    await reply.view('complaint-form.njk', { values, errors, errorList });
  }
}
