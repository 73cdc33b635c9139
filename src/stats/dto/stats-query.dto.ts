import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The period asked for; each value is checked, and the combination, by parsePeriod. */
export class StatsQuery {
  @ApiPropertyOptional({ description: 'first day of receipt counted (London date, included)', example: '2026-04-01' })
  @IsOptional() @IsString() @MaxLength(20)
  from?: string;

  @ApiPropertyOptional({ description: 'last day of receipt counted (London date, included)', example: '2027-03-31' })
  @IsOptional() @IsString() @MaxLength(20)
  to?: string;

  @ApiPropertyOptional({ description: 'a calendar quarter instead of dates: 2026-Q3 is July to September 2026', example: '2026-Q3' })
  @IsOptional() @IsString() @MaxLength(20)
  quarter?: string;

  @ApiPropertyOptional({ description: 'a financial year instead of dates: 2026-27 is 1 April 2026 to 31 March 2027', example: '2026-27' })
  @IsOptional() @IsString() @MaxLength(20)
  year?: string;
}
