import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCleanText } from '../../common/validators.js';
import type { ErasureScope } from '../erasure.service.js';

export const ERASURE_SCOPES = ['case', 'complainant'] as const;

export class EraseCaseDto {
  @ApiProperty({ description: 'why the personal data is erased (kept with the erasure; must not name the complainant)', example: 'Erasure asked for by the complainant under Article 17, checked by the monitoring officer' })
  @IsString() @IsCleanText() @Length(1, 2000)
  reason: string;

  @ApiPropertyOptional({ enum: ERASURE_SCOPES, default: 'case', description: '"complainant": every case of the same complainant (same email, or same name and address)' })
  @IsOptional() @IsIn(ERASURE_SCOPES, { message: `$property must be one of: ${ERASURE_SCOPES.join(', ')}` })
  scope?: ErasureScope;
}

export class ErasurePlanQuery {
  @ApiPropertyOptional({ enum: ERASURE_SCOPES, default: 'case' })
  @IsOptional() @IsIn(ERASURE_SCOPES, { message: `$property must be one of: ${ERASURE_SCOPES.join(', ')}` })
  scope?: ErasureScope;
}

export class LegalHoldDto {
  @ApiProperty({ description: 'true to place a hold, false to release it' })
  @IsBoolean()
  held: boolean;

  @ApiProperty({ description: 'why the hold is placed or released (hashed, keyed, in the case log)' })
  @IsString() @IsCleanText() @Length(1, 2000)
  reason: string;
}

export class ErasedCaseDto {
  @ApiProperty() reference: string;
  @ApiProperty() erasureId: string;
  @ApiProperty() erasedAt: string;
  @ApiProperty({ description: 'rows changed, by table', type: 'object', additionalProperties: { type: 'number' } }) removed: Record<string, number>;
}

export class ErasureResultDto {
  @ApiProperty({ enum: ERASURE_SCOPES }) scope: ErasureScope;
  @ApiProperty({ type: [ErasedCaseDto] }) erased: ErasedCaseDto[];
}
