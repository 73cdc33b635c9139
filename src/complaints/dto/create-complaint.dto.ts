import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsCleanText, IsEmailAddress, IsPastCalendarDate } from '../../common/validators.js';
import { SUBJECT_ROLES, type SubjectRole } from '../complaint-categories.js';

export class ComplainantDto {
  @ApiProperty({ maxLength: 200 })
  @IsString() @IsCleanText() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'jo.bloggs@example.org' })
  @IsString() @MaxLength(254) @IsEmailAddress()
  email: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional() @IsString() @IsCleanText() @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @IsCleanText() @MaxLength(500)
  postalAddress?: string;
}

export class SubjectDto {
  @ApiProperty({ enum: SUBJECT_ROLES })
  @IsIn(SUBJECT_ROLES, { message: `$property must be one of: ${SUBJECT_ROLES.join(', ')}` })
  role: SubjectRole;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @IsString() @IsCleanText() @MaxLength(200)
  name?: string;
}

export class CreateComplaintDto {
  @ApiProperty({ type: ComplainantDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ComplainantDto)
  complainant: ComplainantDto;

  @ApiProperty({ type: SubjectDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SubjectDto)
  subject: SubjectDto;

  @ApiProperty({ minLength: 1, maxLength: 300 })
  @IsString() @IsCleanText() @Length(1, 300)
  summary: string;

  @ApiProperty({ minLength: 1, maxLength: 20000 })
  @IsString() @IsCleanText() @Length(1, 20000)
  details: string;

  @ApiPropertyOptional({ example: '2026-10-01', description: 'YYYY-MM-DD, not in the future' })
  @IsOptional() @IsPastCalendarDate()
  incidentDate?: string;
}

export class ComplaintReceiptDto {
  @ApiProperty({ example: 'PCC-7KQ2-M9XD' })
  reference: string;

  @ApiProperty({ example: 'received' })
  status: string;

  @ApiProperty({ example: '2026-11-25T14:30:00.000Z' })
  receivedAt: string;
}
