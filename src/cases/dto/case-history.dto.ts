import { ApiProperty } from '@nestjs/swagger';

/** One entry of a case's history in the case log. */
export class HistoryEntryDto {
  @ApiProperty({ nullable: true, type: Number, description: 'the event’s place in the case log; null while it waits to be chained (milliseconds, as a rule)' })
  sequence: number | null;

  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'complaint.received' }) type: string;

  @ApiProperty({ description: 'who: a member of staff by email, or complainant, system or worker' })
  actor: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the event recorded: ids, categories and keyed hashes, never free text' })
  details: Record<string, unknown>;
}
