import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { ComplaintsService } from './complaints.service.js';
import { ComplaintReceiptDto, CreateComplaintDto } from './dto/create-complaint.dto.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;

@ApiTags('complainants')
@Public()
@Controller('api/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @RateLimit('intake')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the same reference' })
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiTooManyRequestsResponse({ description: 'INTAKE_RATE_LIMIT exceeded; see Retry-After' })
  async submit(@Body() body: CreateComplaintDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<ComplaintReceiptDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError('COMPLAINT.BAD_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const { reference, status, receivedAt } = await this.complaints.submit({ ...body, channel: 'api', actor: 'complainant', idempotencyKey });
    return { reference, status, receivedAt };
  }
}
