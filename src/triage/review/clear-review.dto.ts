import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsCleanText } from '../../common/validators.js';

export class ClearReviewDto {
  @ApiProperty({ description: 'what the officer found: why the category stands (or what was done instead); required' })
  @IsString() @IsCleanText() @Length(1, 5000)
  reason: string;
}

export class ReviewClearedDto {
  @ApiProperty() reference: string;
  @ApiProperty({ type: [String] }) clearedReasons: string[];
  @ApiProperty() clearedAt: string;
}
