import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches, MaxLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../export-format.js';
import { exportWindow, isDateOrInstant } from '../export-window.js';

/** An empty form field means "no filter". */
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const DATE_MESSAGE = '$property must be a date (YYYY-MM-DD) or a date-time with its offset (2026-11-25T10:00:00Z)';

function IsDateOrInstant(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateOrInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: DATE_MESSAGE },
      validator: { validate: isDateOrInstant },
    });
}

/** `to` may not end before `from` starts. */
function IsNotBeforeFrom(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBeforeFrom',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not be before from' },
      validator: {
        validate(to: unknown, args: ValidationArguments) {
          const from = (args.object as ExportQuery).from;
          if (!isDateOrInstant(to) || !isDateOrInstant(from)) return true; // reported by the format check
          const window = exportWindow(from, to);
          return window.until! > window.from!;
        },
      },
    });
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @Transform(({ value }) => (value === '' || value === undefined ? 'csv' : value))
  @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat = 'csv';

  @ApiPropertyOptional({ description: 'events at or after this date (London day) or instant', example: '2026-11-01' })
  @Transform(blankToUndefined)
  @IsOptional() @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'events on or before this date (London day, included) or instant', example: '2026-11-30' })
  @Transform(blankToUndefined)
  @IsOptional() @IsDateOrInstant() @IsNotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ description: 'one case reference', example: 'PCC-7KQ2-M9XD' })
  @Transform(blankToUndefined)
  @IsOptional() @MaxLength(20) @Matches(/^[A-Z0-9]+(-[A-Z0-9]+)+$/, { message: '$property must be a case reference like PCC-7KQ2-M9XD' })
  reference?: string;

  @ApiPropertyOptional({ description: 'one event type', example: 'complaint.received' })
  @Transform(blankToUndefined)
  @IsOptional() @MaxLength(60) @Matches(/^[a-z0-9_.]+$/, { message: '$property must be an event type like complaint.received' })
  type?: string;
}
