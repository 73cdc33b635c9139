import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCleanText } from '../../common/validators.js';
import { DELIVERIES, LETTER_KINDS, LETTER_STATUSES, type Delivery, type LetterKind } from '../letter.entity.js';

export class CreateLetterDto {
  @ApiProperty({ enum: LETTER_KINDS, description: 'the template' })
  @IsIn(LETTER_KINDS, { message: `kind must be one of: ${LETTER_KINDS.join(', ')}` })
  kind: LetterKind;

  @ApiPropertyOptional({ maxLength: 5000, description: 'what to tell the complainant, written for them; required for not_recorded_notice and informal_resolution_outcome' })
  @IsOptional() @IsString({ message: 'message must be text' }) @MaxLength(5000, { message: 'message must be 5,000 characters or fewer' })
  message?: string;
}

export class EditLetterDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional() @IsString({ message: 'subject must be text' }) @IsCleanText({ message: 'subject must contain visible text and no control characters' })
  @Length(1, 200, { message: 'subject must be between 1 and 200 characters' })
  subject?: string;

  @ApiPropertyOptional({ maxLength: 20000, description: 'the whole letter as it will be sent' })
  @IsOptional() @IsString({ message: 'body must be text' }) @IsCleanText({ message: 'body must contain visible text and no control characters' })
  @Length(1, 20000, { message: 'body must be between 1 and 20,000 characters' })
  body?: string;
}

export class SendLetterDto {
  @ApiProperty({ enum: DELIVERIES, description: 'email: a worker emails it; post: you print the PDF and post it, and it counts as sent now' })
  @IsIn(DELIVERIES, { message: `delivery must be one of: ${DELIVERIES.join(', ')}` })
  delivery: Delivery;
}

export class LetterDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LETTER_KINDS }) template: string;
  @ApiProperty({ enum: LETTER_KINDS, description: 'the same as template' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'en' }) language: string;
  @ApiProperty({ enum: LETTER_STATUSES }) status: string;
  @ApiProperty({ description: 'the email address it goes to' }) recipient: string;
  @ApiProperty() recipientName: string;
  @ApiProperty({ nullable: true, type: String }) postalAddress: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String, description: 'what the officer wrote for the complainant' }) message: string | null;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'the officer’s email; null when the system made it' }) createdBy: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ nullable: true, enum: DELIVERIES, type: String }) delivery: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the mail server accepted it, or when it was recorded as posted' }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String }) sendError: string | null;
}
