import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { ApiErrors, FILE_SCHEMA } from '../common/openapi.js';
import { CaseLogExportService } from './case-log-export.service.js';
import { ChainVerifyService } from './chain-verify.service.js';
import { CheckpointSigner } from './checkpoint-signer.service.js';
import { VerifyCheckpointBody } from './dto/checkpoint.dto.js';
import { ExportQuery } from './dto/export-query.dto.js';
import { sendExport } from './export-reply.js';
import { CheckpointVerifyResultDto, VerifyResultDto } from './dto/verify-result.dto.js';

@ApiTags('audit')
@Roles('auditor')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly verifier: ChainVerifyService,
    private readonly exports: CaseLogExportService,
    private readonly signer: CheckpointSigner,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Check the whole case-log chain, and that it still matches every signed checkpoint held',
    description: 'Recomputes every event’s hash from the start. `ok` false names the first broken sequence and why; `unchangedThrough` is the last sequence a checkpoint vouches for.',
  })
  @ApiOkResponse({ type: VerifyResultDto })
  async verify(): Promise<VerifyResultDto> {
    const { checkpointMatches: _, ...result } = await this.verifier.verify();
    return result;
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check the case log against a checkpoint kept outside the system',
    description: '`{ checkpoint }` as `GET /api/audit/checkpoint` gave it. Says whether the log still ends in its hash at its sequence (consistent), has been changed since (inconsistent), or the checkpoint is not genuine (bad_signature).',
  })
  @ApiOkResponse({ type: CheckpointVerifyResultDto, description: 'ok is false when the log no longer ends in the checkpoint\'s hash at its sequence, or the checkpoint fails its signature' })
  @ApiErrors({ 400: 'The checkpoint is missing or a field is malformed (the message names it)' })
  verifyAgainst(@Body() body: VerifyCheckpointBody): Promise<CheckpointVerifyResultDto> {
    const { sequence, hash, issuedAt, keyId, signature, text } = body.checkpoint;
    return this.verifier.verifyAgainst(this.signer.open({ sequence, hash, issuedAt, keyId, signature, text }));
  }

  @Get('export')
  @ApiProduces('text/csv', 'application/jsonl')
  @ApiOperation({
    summary: 'Stream the case log (CSV or JSON Lines), with a signed checkpoint of the head it was taken at',
    description: 'Filters by London day or instant (`from`, `to`), case reference and event type; empty fields mean no filter. The export is itself logged.',
  })
  @ApiOkResponse({
    schema: FILE_SCHEMA,
    description:
      'The case log in sequence order. X-Chain-Head-Sequence and X-Chain-Head-Hash give the head it was taken at; X-Chain-Checkpoint is the signed checkpoint of that head (base64 of its note), X-Chain-Checkpoint-Id its id and Link the companion file (GET /api/audit/checkpoints/{id}/note)',
  })
  @ApiErrors({ 400: 'A filter is malformed, or `to` is before `from` (the message names it)' })
  async export(@Query() query: ExportQuery, @CurrentStaff() staff: StaffUser, @Res() reply: FastifyReply): Promise<void> {
    await sendExport(reply, await this.exports.open(query, staff));
  }
}
