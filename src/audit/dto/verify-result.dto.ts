import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChainBreak } from '../chain-verifier.js';
import type { CheckpointVerdict } from '../chain-verify.service.js';
import type { CheckpointProblem } from '../checkpoint-signer.service.js';

export class ChainHeadDto {
  @ApiProperty() sequence: number;
  @ApiProperty({ description: 'SHA-256, hex' }) hash: string;
}

export class CheckpointsComparedDto {
  @ApiProperty({ description: 'signed checkpoints (stored in the database or delivered to the checkpoint directory) the chain was compared with' })
  compared: number;

  @ApiProperty({ description: 'checkpoints whose signature fails or whose fields are not what was signed: altered or forged' })
  badSignature: number;

  @ApiProperty({ description: 'checkpoints signed by a key this deployment does not list (add it to AUDIT_PREVIOUS_PUBLIC_KEYS)' })
  unknownKey: number;
}

export class VerifyResultDto {
  @ApiProperty({ description: 'true when every event links to the one before, hashes to its stored hash, and matches every signed checkpoint' })
  ok: boolean;

  @ApiProperty({ description: 'events checked: the whole log up to its head when the check began' })
  events: number;

  @ApiProperty({ type: Number, nullable: true, description: 'the first sequence at which the chain does not hold (for a gap, the missing one)' })
  firstBrokenSequence: number | null;

  @ApiProperty({ enum: ['gap', 'prev_hash', 'hash', 'checkpoint'], nullable: true, description: 'checkpoint: the event no longer has the hash a signed checkpoint holds for it (or is missing)' })
  reason: ChainBreak | null;

  @ApiProperty({ type: ChainHeadDto, nullable: true, description: 'the last event checked; keep it to compare with a later check' })
  head: ChainHeadDto | null;

  @ApiProperty({ type: Number, nullable: true, description: 'with reason "checkpoint": the latest checkpoint before the break that still matches (0: none), so the change lies after it' })
  unchangedThrough: number | null;

  @ApiProperty({ type: CheckpointsComparedDto })
  checkpoints: CheckpointsComparedDto;
}

export class CheckpointVerifyResultDto extends VerifyResultDto {
  @ApiProperty({
    enum: ['consistent', 'inconsistent', 'bad_signature'],
    description: 'consistent: the log still ends in the checkpoint\'s hash at its sequence; inconsistent: it does not (rewritten, cut short or broken before it); bad_signature: not a checkpoint this deployment signed',
  })
  checkpoint: CheckpointVerdict;

  @ApiPropertyOptional({ enum: ['unknown_key', 'bad_signature', 'not_a_checkpoint', 'altered'], nullable: true, description: 'why a checkpoint was refused' })
  checkpointProblem: CheckpointProblem | null;
}
