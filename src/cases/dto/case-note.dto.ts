import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsCleanText } from '../../common/validators.js';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, type ContactChannel, type ContactDirection } from '../case-note.entity.js';

export class CreateNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 10000, description: 'the note: internal, never copied into a letter' })
  @IsString({ message: 'text must be text' }) @IsCleanText({ message: 'text must contain visible text and no control characters' })
  @Length(1, 10000, { message: 'text must be between 1 and 10,000 characters' })
  text: string;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS, description: 'when the note records a contact with the complainant: how' })
  @IsOptional() @IsIn(CONTACT_CHANNELS, { message: `contactChannel must be one of: ${CONTACT_CHANNELS.join(', ')}` })
  contactChannel?: ContactChannel;

  @ApiPropertyOptional({ enum: CONTACT_DIRECTIONS, description: 'with contactChannel: who got in touch' })
  @ValidateIf((note: CreateNoteDto) => note.contactChannel !== undefined || note.contactDirection !== undefined)
  @IsIn(CONTACT_DIRECTIONS, { message: `contactDirection must be one of: ${CONTACT_DIRECTIONS.join(', ')}, with contactChannel` })
  contactDirection?: ContactDirection;
}

export class NoteDto {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, enum: CONTACT_CHANNELS, type: String }) contactChannel: string | null;
  @ApiProperty({ nullable: true, enum: CONTACT_DIRECTIONS, type: String }) contactDirection: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'the email of the officer who wrote it' }) createdBy: string;
}
