import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, FILE_SCHEMA } from '../common/openapi.js';
import { CheckpointSigner } from './checkpoint-signer.service.js';
import { CheckpointsService, type StoredCheckpoint } from './checkpoints.service.js';
import { CheckpointDto, PublicKeyDto } from './dto/checkpoint.dto.js';

/** What the API answers for a checkpoint: the contract's fields, plus its id, its signed note and a development mark. */
export function checkpointBody(c: StoredCheckpoint): CheckpointDto {
  const { sequence, hash, issuedAt, keyId, signature, text, id, note, development } = c;
  return { sequence, hash, issuedAt, keyId, signature, text, id, note, development };
}

export const noteFileName = (c: Pick<StoredCheckpoint, 'sequence'>) => `case-log-checkpoint-${c.sequence}.txt`;

@ApiTags('audit')
@Roles('auditor')
@Controller('api/audit')
export class CheckpointsController {
  constructor(
    private readonly checkpoints: CheckpointsService,
    private readonly signer: CheckpointSigner,
  ) {}

  @Get('checkpoint')
  @ApiOperation({
    summary: 'A signed checkpoint of the case log as it is now (the same one again while the log has not grown)',
    description: 'The head’s sequence and hash signed with Ed25519 as a C2SP signed note: keep it outside the system and check the log against it later.',
  })
  @ApiOkResponse({ type: CheckpointDto })
  @ApiErrors({ 409: 'The log no longer agrees with its last checkpoint, so it is not signed' })
  async current(): Promise<CheckpointDto> {
    return checkpointBody(await this.checkpoints.issue('on_demand'));
  }

  @Get('checkpoints/:id')
  @ApiOperation({ summary: 'One stored checkpoint, such as the one an export names in X-Chain-Checkpoint-Id', description: 'Its signature is checked before it is returned.' })
  @ApiOkResponse({ type: CheckpointDto })
  @ApiErrors({ 404: 'No checkpoint has that id', 409: 'The stored checkpoint fails its signature' })
  async one(@Param('id') id: string): Promise<CheckpointDto> {
    return checkpointBody(await this.checkpoints.find(id));
  }

  @Get('checkpoints/:id/note')
  @ApiOperation({ summary: 'One checkpoint as a file to keep: the signed note (C2SP signed-note text)', description: 'The same note as `note` in the JSON, as a text file to keep.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The signed note, as an attachment', schema: FILE_SCHEMA })
  @ApiErrors({ 404: 'No checkpoint has that id', 409: 'The stored checkpoint fails its signature' })
  async note(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const c = await this.checkpoints.find(id);
    await reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="${noteFileName(c)}"`)
      .header('cache-control', 'no-store')
      .send(c.note);
  }

  @Get('keys')
  @ApiOperation({
    summary: 'The public keys checkpoints are verified with: the current one and every earlier one still listed',
    description: 'PEM (SPKI) with the key id a checkpoint names; `development` marks the published development key.',
  })
  @ApiOkResponse({ type: [PublicKeyDto] })
  keys(): PublicKeyDto[] {
    return this.signer.keys.all.map(({ keyId, pem, current, development }) => ({ keyId, publicKey: pem, current, development }));
  }
}
