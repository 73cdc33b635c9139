import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsCleanText, IsEmailAddress } from '../../common/validators.js';

/** A correction of the complainant's details; fields left out stay as they are, null clears phone or address. */
export class UpdateComplainantDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @IsString({ message: 'name must be text' }) @IsCleanText({ message: 'name must contain visible text and no control characters' })
  @MaxLength(200, { message: 'name must be 200 characters or fewer' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional() @IsString({ message: 'email must be text' }) @MaxLength(254, { message: 'email must be 254 characters or fewer' })
  @IsEmailAddress({ message: 'email must be an email address, like name@example.org' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 40, nullable: true, type: String })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString({ message: 'phone must be text' }) @IsCleanText({ message: 'phone must contain visible text and no control characters' })
  @MaxLength(40, { message: 'phone must be 40 characters or fewer' })
  phone?: string | null;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString({ message: 'postalAddress must be text' }) @IsCleanText({ message: 'postalAddress must contain visible text and no control characters' })
  @MaxLength(500, { message: 'postalAddress must be 500 characters or fewer' })
  postalAddress?: string | null;
}

export class ComplainantChangedDto {
  @ApiProperty({ type: [String], example: ['phone'], description: 'the fields whose value changed (the case log holds their names and a keyed hash, never the values)' })
  changed: string[];
}
