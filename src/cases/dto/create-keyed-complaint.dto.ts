import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsPlausibleInstant } from '../../common/validators.js';
import { CreateComplaintDto } from '../../complaints/dto/create-complaint.dto.js';

export const KEYED_CHANNELS = ['letter', 'email', 'phone', 'in_person'] as const;

/** A complaint that reached the panel by letter, email, phone or in person, keyed in by an officer. */
export class CreateKeyedComplaintDto extends CreateComplaintDto {
  @ApiProperty({ example: '2026-12-24T10:00:00Z', description: 'when the panel received it (ISO 8601); deadlines run from here' })
  @IsPlausibleInstant()
  receivedAt: string;

  @ApiProperty({ enum: KEYED_CHANNELS })
  @IsIn(KEYED_CHANNELS, { message: `$property must be one of: ${KEYED_CHANNELS.join(', ')}` })
  channel: (typeof KEYED_CHANNELS)[number];
}
