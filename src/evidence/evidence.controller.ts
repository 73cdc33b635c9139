import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/roles.decorator.js';
import { CaseReferencePipe } from '../cases/case-reference.pipe.js';
import { DomainError } from '../common/domain-error.js';
import { ApiErrors, FILE_SCHEMA } from '../common/openapi.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import type { FormFile } from '../web/http-setup.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './evidence-rules.js';
import { EvidenceService } from './evidence.service.js';

class EvidenceReceiptDto {
  @ApiProperty() id: string;
  @ApiProperty() filename: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: ['clean', 'pending'], description: 'pending: clamd could not be reached; the file waits in quarantine and is scanned when it returns' }) scan: string;
}

/** Multipart limits for one uploaded file: one byte over the limit marks the file as cut short, so it is refused. */
export const ONE_FILE_UPLOAD = { multipartOptions: { limits: { files: 1, fileSize: MAX_EVIDENCE_BYTES + 1, fields: 5, fieldSize: 1024, parts: 8 } } };

const isFormFile = (value: unknown): value is FormFile => !!value && typeof value === 'object' && Buffer.isBuffer((value as FormFile).content);

@ApiTags('complainants')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('api/complaints/:reference/evidence')
  @Public()
  @HttpCode(201)
  @RouteConfig(ONE_FILE_UPLOAD)
  @ApiOperation({ summary: 'Add a file to your complaint', description: `multipart/form-data with the fields \`email\` (the address given with the complaint) and \`file\`. Up to ${MAX_EVIDENCE_FILES} files a complaint, each up to ${MAX_EVIDENCE_BYTES / 1048576} MB; PDFs, pictures, documents, recordings and plain text, by content. Each is scanned by clamd before it is stored.` })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['email', 'file'], properties: { email: { type: 'string' }, file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: EvidenceReceiptDto })
  @ApiErrors({
    400: 'email or file missing, or the file is empty',
    404: 'no complaint has that reference and email address',
    413: `the file is over ${MAX_EVIDENCE_BYTES / 1048576} MB, or the complaint already has ${MAX_EVIDENCE_FILES} files; the message names the limit`,
    415: 'a type of file not accepted (by its content)',
    422: 'the file contains a virus: the message names it; nothing is stored',
  })
  @RateLimit('intake')
  async add(@Param('reference') reference: string, @Body() body: unknown): Promise<EvidenceReceiptDto> {
    const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const email = typeof fields.email === 'string' ? fields.email.trim() : '';
    if (!email) throw new DomainError('EVIDENCE.EMAIL_MISSING', 'email is required: the email address given with the complaint', 400);
    if (!isFormFile(fields.file)) throw new DomainError('EVIDENCE.FILE_MISSING', 'file is required: send the file in the multipart field "file"', 400);
    const stored = await this.evidence.addByComplainant(reference, email, fields.file);
    return { id: stored.id, filename: stored.filename, size: stored.size, sha256: stored.sha256, scan: stored.scan };
  }

  @Get('api/cases/:reference/evidence/:id')
  @Roles('officer')
  @ApiTags('cases')
  @ApiOperation({ summary: 'Download a clean evidence file', description: 'The file a complainant sent, once clamd has found it clean, as an attachment with its type as read from its content.' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the file, as an attachment, with its type as detected from its content', schema: FILE_SCHEMA })
  @ApiErrors({ 400: 'the file id is not a UUID', 404: 'no such case or file', 409: 'the file has not been scanned yet, or was found infected and deleted' })
  async download(@Param('reference', CaseReferencePipe) reference: string, @Param('id', new ParseUUIDPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.evidence.download(reference, id);
    const asciiName = file.filename.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
    await reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  }
}
