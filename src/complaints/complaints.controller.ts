import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Translations } from '../i18n/translations.js';
import { Public } from '../auth/roles.decorator.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors } from '../common/openapi.js';
import { ComplaintsService } from './complaints.service.js';
import { ComplaintBodyPipe } from './dto/complaint-body.pipe.js';
import { ComplaintReceiptDto, CreateComplaintDto, type CreateComplaint } from './dto/create-complaint.dto.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;

@ApiTags('complainants')
@Public()
@Controller('api/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly translations: Translations,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A repeat with the same key returns the same reference' })
  @ApiOperation({ summary: 'Make a complaint', description: 'Letters and emails go in `language`, or else the first of Welsh or English the request’s Accept-Language names.' })
  @ApiBody({ type: CreateComplaintDto })
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiErrors({ 400: 'a field is missing or invalid, or the Idempotency-Key is malformed; the message names it', 409: 'the Idempotency-Key was used for a different complaint' })
  @RateLimit('intake')
  async submit(@Body(ComplaintBodyPipe) body: CreateComplaint, @Req() request: FastifyRequest, @Headers('idempotency-key') idempotencyKey?: string): Promise<ComplaintReceiptDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError('COMPLAINT.BAD_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const { reference, status, receivedAt } = await this.complaints.submit({ ...body, language: body.language ?? this.translations.detect(request), channel: 'api', actor: 'complainant', idempotencyKey });
    return { reference, status, receivedAt };
  }
}
