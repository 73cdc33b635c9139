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

export class PlannedCaseDto {
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when its personal data was erased; null if never' }) erasedAt: string | null;
  @ApiProperty({ description: 'under a legal hold: an erasure reaching it would erase nothing' }) held: boolean;
}

export class ErasureEffectDto {
  @ApiProperty({ description: 'what an erasure removes' }) removed: string;
  @ApiProperty({ description: 'what stays in its place, and why' }) kept: string;
}

export class ErasurePlanDto {
  @ApiProperty({ enum: ERASURE_SCOPES }) scope: ErasureScope;
  @ApiProperty({ nullable: true, type: String, description: 'the complainant’s name as held now (null once erased), to see whose data this is' }) complainantName: string | null;
  @ApiProperty({ type: [PlannedCaseDto] }) cases: PlannedCaseDto[];
  @ApiProperty({ type: [ErasureEffectDto], description: 'what an erasure removes and what stays, in words for the confirmation page' }) effect: ErasureEffectDto[];
}

export class ErasureRecordDto {
  @ApiProperty() reference: string;
  @ApiProperty({ enum: ['request', 'retention'] }) trigger: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'the admin’s email; null for the retention job' }) erasedBy: string | null;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
  @ApiProperty({ description: 'rows changed, by table', type: 'object', additionalProperties: { type: 'number' } }) removed: Record<string, number>;
}

export class LegalHoldViewDto {
  @ApiProperty() reference: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'the admin’s email' }) placedBy: string;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
}

export class LegalHoldResultDto {
  @ApiProperty() reference: string;
  @ApiProperty() held: boolean;
  @ApiProperty({ type: LegalHoldViewDto, nullable: true, description: 'the hold placed; null when released' }) hold: LegalHoldViewDto | null;
}
