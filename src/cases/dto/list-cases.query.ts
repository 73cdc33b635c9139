import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { decimalInteger } from '../../common/validators.js';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATEGORIES, type Category } from '../../complaints/complaint-categories.js';
import { CASE_STATUSES, type CaseStatus } from '../case-status.js';

export const SORTS = ['due', 'received', '-received'] as const;
export type CaseSort = (typeof SORTS)[number];

// A form sends every field, the empty ones as `name=`: an empty parameter means "any", never a 400.
const blank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');
const optional = ({ value }: TransformFnParams) => (blank(value) ? undefined : value);
const flag = ({ value }: TransformFnParams) => (blank(value) ? undefined : value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);
const whole = (fallback: number) => (params: TransformFnParams) => (blank(params.value) ? fallback : decimalInteger(params));

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CATEGORIES, description: 'the category in force; empty means any' })
  @Transform(optional)
  @IsOptional() @IsIn(CATEGORIES, { message: `category must be one of: ${CATEGORIES.join(', ')}` })
  category?: Category;

  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'empty means any' })
  @Transform(optional)
  @IsOptional() @IsIn(CASE_STATUSES, { message: `status must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'a user id, "me" or "none"; empty means anyone' })
  @Transform(optional)
  @IsOptional() @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: 'assignee must be a user id, "me" or "none"' })
  assignee?: string;

  @ApiPropertyOptional({ description: 'true: only cases with a deadline passed and not met; false: only those without' })
  @Transform(flag)
  @IsOptional() @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: "true: only cases whose triage awaits an officer's review, possible offences first, then most urgent" })
  @Transform(flag)
  @IsOptional() @IsBoolean({ message: 'review must be true or false' })
  review?: boolean;

  @ApiPropertyOptional({ description: 'true: only cases whose latest triage saw a possible offence by the office holder' })
  @Transform(flag)
  @IsOptional() @IsBoolean({ message: 'possibleOffence must be true or false' })
  possibleOffence?: boolean;

  @ApiPropertyOptional({
    description: 'finds a case by its reference (with or without dashes, any case, O for zero), by the complainant’s name or email, or by the words of the complaint',
  })
  @Transform(optional)
  @IsOptional() @IsString({ message: 'q must be text' }) @MaxLength(200, { message: 'q must be 200 characters or fewer' })
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'q must not contain control characters' })
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'due', description: 'due: next deadline first; received: oldest first; -received: newest first' })
  @Transform(optional)
  @IsOptional() @IsIn(SORTS, { message: `sort must be one of: ${SORTS.join(', ')}` })
  sort?: CaseSort;

  @ApiPropertyOptional({ default: 1 })
  @Transform(whole(1))
  @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page must be 1 or more' }) @Max(100000, { message: 'page must be 100000 or less' })
  page = 1;

  @ApiPropertyOptional({ default: 25 })
  @Transform(whole(25))
  @IsInt({ message: 'pageSize must be a whole number' }) @Min(1, { message: 'pageSize must be 1 or more' }) @Max(200, { message: 'pageSize must be 200 or less' })
  pageSize = 25;
}
