import { ApiProperty } from '@nestjs/swagger';
import { HistoryEntryDto } from '../../cases/dto/case-history.dto.js';
import { CaseDetailDto } from '../../cases/dto/case.dto.js';
import { LetterDto } from '../../letters/dto/letter.dto.js';

/** One complaint of the person's, as officers see it, with its letters and case events. */
export class SubjectAccessComplaintDto extends CaseDetailDto {
  @ApiProperty({ type: [LetterDto] }) letters: LetterDto[];
  @ApiProperty({ type: [HistoryEntryDto] }) events: HistoryEntryDto[];
}

export class SubjectAccessDocumentDto {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ description: 'the officer’s email' }) generatedBy: string;
  @ApiProperty({ description: 'the case the request was made from' }) reference: string;
  @ApiProperty({ description: 'how the complaints were found to be the same person’s' }) matchedBy: string;
  @ApiProperty({ type: [SubjectAccessComplaintDto] }) complaints: SubjectAccessComplaintDto[];
}
