import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { decimalInteger } from '../../common/validators.js';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATEGORIES, type Category } from '../../complaints/complaint-categories.js';
import { CASE_STATUSES, type CaseStatus } from '../case-status.js';

export const SORTS = ['due', 'received', '-received'] as const;

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional() @IsIn(CATEGORIES, { message: `$property must be one of: ${CATEGORIES.join(', ')}` })
  category?: Category;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional() @IsIn(CASE_STATUSES, { message: `$property must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'a user id, "me" or "none"' })
  @IsOptional() @Matches(/^(me|none|[0-9a-f-]{36})$/, { message: '$property must be a user id, "me" or "none"' })
  assignee?: string;

  @ApiPropertyOptional({ description: 'only cases with a deadline passed and not met' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true ? true : value === 'false' || value === false ? false : value)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: "true: only cases whose triage awaits an officer's review, possible offences first, then most urgent" })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true ? true : value === 'false' || value === false ? false : value)
  @IsBoolean()
  review?: boolean;

  @ApiPropertyOptional({ description: 'full-text search over summary and details' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: '$property must not contain control characters' })
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'due' })
  @IsOptional() @IsIn(SORTS, { message: `$property must be one of: ${SORTS.join(', ')}` })
  sort?: (typeof SORTS)[number];

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @Transform(decimalInteger) @IsInt({ message: '$property must be a whole number' }) @Min(1) @Max(100000)
  page = 1;

  @ApiPropertyOptional({ default: 25 })
  @IsOptional() @Transform(decimalInteger) @IsInt({ message: '$property must be a whole number' }) @Min(1) @Max(200)
  pageSize = 25;
}
