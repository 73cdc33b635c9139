import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/roles.decorator.js';
import { Environment } from '../config/environment.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { RateLimitService } from '../rate-limit/rate-limit.service.js';
import { ComplaintStatusService } from '../complaints/complaint-status.service.js';
import { DataSource } from 'typeorm';
import { lockCase } from '../cases/case-lock.js';
import { ComplaintsService, IdempotencyKeyReused, type Receipt } from '../complaints/complaints.service.js';
import { EvidenceRefused, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, type EvidenceRefusal } from '../evidence/evidence-rules.js';
import { EvidenceService, type CheckedFile, type EvidenceView } from '../evidence/evidence.service.js';
import { normaliseReference } from '../complaints/reference.js';
import { isLanguage, Translations, type Language, type TFunction } from '../i18n/translations.js';
import { formValues, toComplaintDto, validateForm, type FormErrors, type FormValues } from './complaint-form.js';
import type { FormFile } from './http-setup.js';
import { setPageLanguage } from './page-language.js';

/**
 * The form may be posted as multipart/form-data with files in `evidence`: a sixth file is read so the person is told
 * the limit (rather than the request failing), and one byte over the size limit marks a file as too big.
 */
const FORM_UPLOAD = { multipartOptions: { limits: { files: MAX_EVIDENCE_FILES + 1, fileSize: MAX_EVIDENCE_BYTES + 1, fields: 40, fieldSize: 100_000, parts: 60 } } };

/** Keys of the evidence namespace for each refusal (camelCase: i18next reads a key ending `_many` as a plural form). */
const EVIDENCE_MESSAGE_KEYS: Record<EvidenceRefusal, string> = { too_big: 'tooBig', too_many: 'tooMany', type: 'type', infected: 'infected', empty: 'empty' };

/** The files chosen in the form's `evidence` field; a file input left empty sends a nameless, empty part. */
function evidenceFiles(body: unknown): FormFile[] {
  const value = (body && typeof body === 'object' ? (body as Record<string, unknown>).evidence : undefined) as FormFile | FormFile[] | undefined;
  const files = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return files.filter((f) => f && typeof f === 'object' && Buffer.isBuffer(f.content) && (f.filename || f.content.length > 0));
}

interface ErrorLink {
  text: string;
  href: string;
}

/** "3 minutes" / "3 munud": how long to wait, in the page's language. */
export const waitFor = (t: TFunction, seconds: number) => (seconds > 90 ? t('wait.minutes', { count: Math.ceil(seconds / 60) }) : t('wait.seconds', { count: seconds }));

/** The public complaint form and status page: GOV.UK Frontend, server-rendered, in Welsh or English, no JavaScript needed. */
@ApiExcludeController()
@Public()
@Controller('complaints')
export class ComplaintFormController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly statuses: ComplaintStatusService,
    private readonly limits: RateLimitService,
    private readonly translations: Translations,
    private readonly evidence: EvidenceService,
    private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  @Get('new')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.render(reply, request.language, { submissionId: randomUUID() }, {});
  }

  /**
   * Rate limited like the API (INTAKE_RATE_LIMIT, the same counter), but checked here rather than by the guard so that
   * a person who is refused gets the form back with everything they typed, not an error page.
   */
  @Post()
  @HttpCode(200)
  @RouteConfig(FORM_UPLOAD)
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const values = formValues(body);
    // The answer comes in the language of the form that was sent, whatever the browser says now.
    const language = isLanguage(values.language) ? values.language : request.language;
    setPageLanguage(reply, this.translations, language);
    const t = this.translations.t(language, 'complaint');
    const limit = await this.limits.hit(`intake:${request.ip}`, this.env.INTAKE_RATE_LIMIT);
    if (!limit.allowed) {
      const text = t('errors.tooMany', { wait: waitFor(this.translations.t(language), limit.retryAfter) });
      await this.render(reply.status(429).header('retry-after', String(limit.retryAfter)), language, values, {}, [{ text, href: '#summary' }]);
      return;
    }
    const dto = toComplaintDto(values, language);
    const errors = validateForm(values, dto, t);
    const files = evidenceFiles(body);
    if (Object.keys(errors).length) {
      // Files are checked only once the rest is right; a browser cannot refill a file input, so ask for them again.
      if (files.length) errors.evidence = this.translations.t(language, 'evidence')('errors.reselect');
      await this.render(reply.status(400), language, values, errors);
      return;
    }
    let checked: CheckedFile[];
    try {
      checked = await this.evidence.inspect(files);
    } catch (error) {
      if (!(error instanceof EvidenceRefused)) throw error;
      const message = this.translations.t(language, 'evidence')(`errors.${EVIDENCE_MESSAGE_KEYS[error.reason]}`, { filename: error.filename, megabytes: MAX_EVIDENCE_BYTES / 1048576, count: MAX_EVIDENCE_FILES });
      await this.render(reply.status(error.status), language, values, { evidence: message });
      return;
    }
    const submissionId = /^[0-9a-f-]{36}$/.test(values.submissionId ?? '') ? `form-${values.submissionId}` : undefined;
    let receipt: Receipt;
    try {
      const evidenceSha256 = checked.map((f) => f.sha256);
      receipt = await this.complaints.submit({ ...dto, language, channel: 'web', actor: 'complainant', idempotencyKey: submissionId, evidenceSha256 });
    } catch (error) {
      if (!(error instanceof IdempotencyKeyReused)) throw error;
      // This form (e.g. reached again with the Back button) already sent a different complaint: never answer with that
      // complaint's reference. A fresh submission id lets the person send this one as a complaint of its own.
      await this.render(reply.status(409), language, { ...values, submissionId: randomUUID() }, {}, [{ text: t('errors.alreadySent'), href: '#summary' }]);
      return;
    }
    // Stored after the complaint, by content hash: a retry of the same form (same submission id) stores each file once.
    const received = checked.length ? await this.storeEvidence(receipt.reference, checked) : [];
    request.log.info({ reference: receipt.reference, files: received.length }, 'complaint received through the form');
    await reply.view('complaint-confirmation.njk', {
      reference: receipt.reference,
      evidence: received,
      byPost: dto.contactPreference === 'post',
      adjustments: !!dto.adjustments,
      acknowledgementDays: this.env.ACKNOWLEDGEMENT_WORKING_DAYS,
    });
  }

  @Get('status')
  async statusForm(@Res() reply: FastifyReply): Promise<void> {
    await reply.view('complaint-status.njk', { errors: {}, errorList: [] });
  }

  /** A POST, so the email address or postcode never appears in a URL or an access log. */
  @Post('status')
  @RateLimit('login')
  @HttpCode(200)
  async status(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const t = this.translations.t(request.language, 'status');
    const reference = typeof body?.reference === 'string' ? body.reference.slice(0, 40) : '';
    const contact = typeof body?.email === 'string' ? body.email.slice(0, 254) : '';
    const errors: Record<string, string> = {};
    if (!reference.trim()) errors.reference = t('errors.referenceBlank');
    else if (!normaliseReference(reference)) errors.reference = t('errors.referenceInvalid');
    if (!contact.trim()) errors.email = t('errors.contactBlank');
    const found = Object.keys(errors).length ? null : await this.statuses.lookup(reference, contact);
    if (!found) {
      const notFound = !Object.keys(errors).length;
      if (notFound) errors.reference = t('errors.notFound');
      const errorList = Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));
      await reply.status(notFound ? 404 : 400).view('complaint-status.njk', { errors, errorList, reference, email: contact });
      return;
    }
    await reply.view('complaint-status.njk', { found });
  }

  private async storeEvidence(reference: string, files: CheckedFile[]): Promise<EvidenceView[]> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockCase(manager, reference);
      await this.evidence.store(manager, locked.id, reference, files, 'complainant');
      const held = await this.evidence.list(locked.id, manager);
      return held.filter((e) => files.some((f) => f.sha256 === e.sha256));
    });
  }

  private async render(reply: FastifyReply, language: Language, values: FormValues, errors: FormErrors, notices: ErrorLink[] = []): Promise<void> {
    const errorList = [...notices, ...Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }))];
    await reply.view('complaint-form.njk', { values: { ...values, language }, errors, errorList, evidenceLimits: { count: MAX_EVIDENCE_FILES, megabytes: MAX_EVIDENCE_BYTES / 1048576 } });
  }
}
