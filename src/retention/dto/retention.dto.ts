import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate } from '../../common/validators.js';
import { SUBJECT_ROLES, type SubjectRole } from '../../complaints/complaint-categories.js';

export class RecordTermEndDto {
  @ApiProperty({ enum: SUBJECT_ROLES, description: 'the office the holder leaves' })
  @IsIn(SUBJECT_ROLES, { message: `subjectRole must be one of: ${SUBJECT_ROLES.join(', ')}` })
  subjectRole: SubjectRole;

  @ApiProperty({ example: '2028-05-08', description: 'the day they leave (or left) office' })
  @IsCalendarDate()
  endedOn: string;
}
