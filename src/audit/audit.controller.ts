import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CaseLogExportService } from './case-log-export.service.js';
import { ChainVerifyService } from './chain-verify.service.js';
import { ExportQuery } from './dto/export-query.dto.js';
import { VerifyResultDto } from './dto/verify-result.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@ApiForbiddenResponse({ description: 'Not an auditor or admin' })
@Roles('auditor')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly verifier: ChainVerifyService,
    private readonly exports: CaseLogExportService,
  ) {}

  @Get('verify')
  @ApiOkResponse({ type: VerifyResultDto })
  verify(): Promise<VerifyResultDto> {
    return this.verifier.verify();
  }

  /** Streams the log; the chain head goes in headers so that every line of the body is an event (CSV: after its header). */
  @Get('export')
  @ApiProduces('text/csv', 'application/jsonl')
  @ApiOkResponse({ description: 'The case log in sequence order; headers X-Chain-Head-Sequence and X-Chain-Head-Hash give the head it was taken at' })
  async export(@Query() query: ExportQuery, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    const opened = await this.exports.open(query, staff);
    reply.raw.once('close', () => void opened.finish(reply.raw.writableFinished));
    await reply
      .header('content-type', opened.contentType)
      .header('content-disposition', `attachment; filename="${opened.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-chain-head-sequence', String(opened.head.sequence))
      .header('x-chain-head-hash', opened.head.hash)
      .send(opened.body);
  }
}
