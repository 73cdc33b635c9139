import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsCleanText } from '../../common/validators.js';
import { CATEGORIES, type Category } from '../../complaints/complaint-categories.js';
import { OUTCOME_KINDS, type OutcomeKind } from '../case-lifecycle.js';

export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS })
  @IsIn(OUTCOME_KINDS, { message: `$property must be one of: ${OUTCOME_KINDS.join(', ')}` })
  kind: OutcomeKind;

  @ApiProperty({ description: 'the reason, ground, destination or outcome, as it should be kept on the case' })
  @IsString() @IsCleanText() @Length(1, 10000)
  notes: string;
}

export class OverrideCategoryDto {
  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES, { message: `$property must be one of: ${CATEGORIES.join(', ')}` })
  category: Category;

  @ApiProperty({ description: 'why the triage was wrong; required' })
  @IsString() @IsCleanText() @Length(1, 5000)
  reason: string;
}

export class ConfirmOverrideDto {
  @ApiProperty({ description: 'true to confirm the pending change of category, false to reject it' })
  @IsBoolean()
  confirm: boolean;

  @ApiProperty()
  @IsString() @IsCleanText() @Length(1, 5000)
  reason: string;
}

export class AssignCaseDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'a user id, or null to unassign' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: '$property must be a user id or null' })
  assigneeId: string | null;
}

export class OutcomeRecordedDto {
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: OUTCOME_KINDS }) kind: string;
  @ApiProperty({ type: [String] }) deadlinesMet: string[];
}

export class OverrideResultDto {
  @ApiProperty() overrideId: string;
  @ApiProperty({ enum: ['applied', 'pending', 'rejected'] }) state: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
}


/** What running the current rule set over one case found (and recorded). */
export class RetriageResultDto {
  @ApiProperty() reference: string;
  @ApiProperty({ nullable: true, enum: CATEGORIES, type: String }) previousCategory: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the rule set the case was last triaged with' }) previousVersion: string | null;
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ description: 'the current rules reach another category' }) changed: boolean;
  @ApiProperty({ description: 'a new triage was stored under the current rule set' }) recorded: boolean;
  @ApiProperty({ nullable: true, enum: CATEGORIES, type: String, description: 'an officer’s category, which stays in force whatever the rules now say' }) overrideInForce: string | null;
}
