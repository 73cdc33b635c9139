import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsCleanText } from '../../common/validators.js';
import { SUBJECT_ROLES, type SubjectRole } from '../../complaints/complaint-categories.js';

export class RecordTermEndDto {
  @ApiProperty({ enum: SUBJECT_ROLES, description: 'the office the holder leaves' })
  @IsIn(SUBJECT_ROLES, { message: `subjectRole must be one of: ${SUBJECT_ROLES.join(', ')}` })
  subjectRole: SubjectRole;

  @ApiProperty({ example: '2028-05-08', description: 'the day they leave (or left) office' })
  @IsCalendarDate()
  endedOn: string;

  @ApiPropertyOptional({ example: 'Alex Example', description: 'who holds the office, so the panel can tell terms apart (a public office holder, never a complainant)' })
  @IsOptional() @IsString() @IsCleanText() @Length(1, 200)
  holderName?: string;
}

export class RetentionScheduleDto {
  @ApiProperty({ description: 'RETENTION_MONTHS_AFTER_CLOSURE' }) monthsAfterClosure: number;
  @ApiProperty({ nullable: true, type: Number, description: 'RETENTION_MONTHS_AFTER_TERM_END; null when cases are kept by closure alone' }) monthsAfterTermEnd: number | null;
  @ApiProperty({ description: 'how often the workers run the schedule' }) intervalHours: number;
}

export class RetentionCaseDto {
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: SUBJECT_ROLES }) subjectRole: string;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ nullable: true, type: String }) termEndedOn: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() held: boolean;
}

export class RetentionPreviewDto {
  @ApiProperty({ type: RetentionScheduleDto }) schedule: RetentionScheduleDto;
  @ApiProperty({ type: [RetentionCaseDto], description: 'what the next run erases, the longest overdue first' }) due: RetentionCaseDto[];
  @ApiProperty({ type: [RetentionCaseDto], description: 'due, but under a legal hold' }) held: RetentionCaseDto[];
  @ApiProperty({ description: 'closed cases kept because the office holder’s term end is not recorded yet' }) waitingForTermEnd: number;
}

export class OfficeHolderTermDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SUBJECT_ROLES }) subjectRole: string;
  @ApiProperty({ example: '2028-05-08' }) endedOn: string;
  @ApiProperty({ nullable: true, type: String, description: 'who holds the office, if recorded' }) holderName: string | null;
  @ApiProperty({ description: 'the admin’s email' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
