import { ApiProperty } from '@nestjs/swagger';
import type { ChainBreak } from '../chain-verifier.js';

export class ChainHeadDto {
  @ApiProperty() sequence: number;
  @ApiProperty({ description: 'SHA-256, hex' }) hash: string;
}

export class VerifyResultDto {
  @ApiProperty({ description: 'true when every event links to the one before and hashes to its stored hash' })
  ok: boolean;

  @ApiProperty({ description: 'events checked: the whole log up to its head when the check began' })
  events: number;

  @ApiProperty({ type: Number, nullable: true, description: 'the first sequence at which the chain does not hold (for a gap, the missing one)' })
  firstBrokenSequence: number | null;

  @ApiProperty({ enum: ['gap', 'prev_hash', 'hash', 'anchor'], nullable: true })
  reason: ChainBreak | null;

  @ApiProperty({ type: ChainHeadDto, nullable: true, description: 'the last event checked; keep it to compare with a later check' })
  head: ChainHeadDto | null;
}
