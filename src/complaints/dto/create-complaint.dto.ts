import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsCleanText, IsEmailAddress, IsPastCalendarDate } from '../../common/validators.js';
import { LANGUAGES, type Language } from '../../i18n/translations.js';
import { CONTACT_PREFERENCES, SUBJECT_ROLES, type ContactPreference, type SubjectRole } from '../complaint-categories.js';

export class ComplainantDto {
  @ApiProperty({ maxLength: 200 })
  @IsString() @IsCleanText() @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'jo.bloggs@example.org', description: 'required unless contactPreference is post and postalAddress is given' })
  @IsOptional() @IsString() @MaxLength(254) @IsEmailAddress()
  email?: string;

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

/** Someone complaining for the complainant (a relative, an advocate, a solicitor); they get copies of letters. */
export class RepresentativeDto {
  @ApiProperty({ maxLength: 200 })
  @IsString() @IsCleanText() @MaxLength(200)
  name: string;

  @ApiProperty({ maxLength: 100, example: 'son' })
  @IsString() @IsCleanText() @MaxLength(100)
  relationship: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(254) @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @IsCleanText() @MaxLength(500)
  postalAddress?: string;

  @ApiPropertyOptional({ description: 'the complainant agrees to the representative acting for them (the form asks for it)' })
  @IsOptional() @IsBoolean()
  consent?: boolean;
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

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'the language letters and emails go in; by default the first of Welsh or English in Accept-Language, else English' })
  @IsOptional() @IsIn(LANGUAGES, { message: `$property must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional({ maxLength: 2000, description: 'access needs and reasonable adjustments, in the complainant’s words' })
  @IsOptional() @IsString() @IsCleanText() @MaxLength(2000)
  adjustments?: string;

  @ApiPropertyOptional({ enum: CONTACT_PREFERENCES, default: 'email', description: 'post: letters are printed and posted (email not needed when postalAddress is given)' })
  @IsOptional() @IsIn(CONTACT_PREFERENCES, { message: `$property must be one of: ${CONTACT_PREFERENCES.join(', ')}` })
  contactPreference?: ContactPreference;

  @ApiPropertyOptional({ type: RepresentativeDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RepresentativeDto)
  representative?: RepresentativeDto;
}

/**
 * A checked complaint as the controller receives it. A type rather than the class, so the global ValidationPipe
 * (which validates class-typed bodies) leaves it to ComplaintBodyPipe.
 */
export type CreateComplaint = { [K in keyof CreateComplaintDto]: CreateComplaintDto[K] };

export class ComplaintReceiptDto {
  @ApiProperty({ example: 'PCC-7KQ2-M9XD' })
  reference: string;

  @ApiProperty({ example: 'received' })
  status: string;

  @ApiProperty({ example: '2026-11-25T14:30:00.000Z' })
  receivedAt: string;
}
