import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const HEX64 = /^[0-9a-f]{64}$/;

/** A checkpoint as the API hands it out and takes it back. */
export class CheckpointDto {
  @ApiProperty({ description: 'the head event the checkpoint covers (the number of events)', example: 1234 })
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  sequence: number;

  @ApiProperty({ description: 'the head event\'s hash, SHA-256 in hex', example: 'ab'.repeat(32) })
  @Matches(HEX64, { message: '$property must be 64 hexadecimal characters' })
  hash: string;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  @IsString() @MaxLength(40)
  issuedAt: string;

  @ApiProperty({ description: 'hex SHA-256 of the signing public key (DER SubjectPublicKeyInfo)' })
  @Matches(HEX64, { message: '$property must be 64 hexadecimal characters' })
  keyId: string;

  @ApiProperty({ description: 'base64 of the 64-byte Ed25519 signature of text' })
  @IsString() @MaxLength(200) @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: '$property must be base64' })
  signature: string;

  @ApiProperty({ description: 'exactly what was signed: origin, sequence, base64 hash and "issued <time>" lines, each ending in a newline' })
  @IsString() @MaxLength(1000)
  text: string;

  // What GET /api/audit/checkpoint adds; taken back without complaint and ignored.
  @ApiPropertyOptional({ description: 'the stored checkpoint\'s id' })
  @IsOptional() @IsString() @MaxLength(20)
  id?: string;

  @ApiPropertyOptional({ description: 'the signed note: text, a blank line and the signature line (C2SP signed-note); the file to keep' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'signed with the published development key: proves nothing' })
  @IsOptional() @IsBoolean()
  development?: boolean;
}

export class VerifyCheckpointBody {
  @ApiProperty({ type: CheckpointDto })
  @IsDefined({ message: 'checkpoint is required' }) @IsObject() @ValidateNested() @Type(() => CheckpointDto)
  checkpoint: CheckpointDto;
}

export class PublicKeyDto {
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'PEM (SubjectPublicKeyInfo): for openssl pkeyutl -verify -pubin -inkey' }) publicKey: string;
  @ApiProperty({ description: 'signs new checkpoints' }) current: boolean;
  @ApiProperty({ description: 'the published development key: its checkpoints prove nothing' }) development: boolean;
}
