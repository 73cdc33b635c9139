import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';
import { parseCalendarDate, parseInstant } from './dates.js';

// Control characters other than tab, line feed and carriage return have no place in a complaint.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Half of a UTF-16 surrogate pair on its own: not a character; Postgres cannot store it and validator.js throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A letter, digit, punctuation mark or symbol: what a reader can see. Spaces, zero-width and other format characters
// alone (U+200B, U+FEFF, U+2060...) make text that looks empty.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** True when the text has something a reader can see. */
export const hasVisibleText = (value: unknown): boolean => typeof value === 'string' && VISIBLE.test(value);

/** The test behind @IsCleanText (and the intake's compiled schema): well-formed, visible, no control characters. */
export const isCleanText = (value: unknown): boolean => typeof value === 'string' && !LONE_SURROGATE.test(value) && hasVisibleText(value) && !CONTROL_CHARACTERS.test(value);

/** A real calendar date, YYYY-MM-DD, from 1900 to today (ahead of UTC by at most 14 hours). */
export function isPastCalendarDate(value: unknown): boolean {
  if (!parseCalendarDate(value)) return false;
  const date = new Date(`${value as string}T00:00:00Z`);
  return (value as string) >= '1900-01-01' && date.getTime() <= Date.now() + 14 * 3_600_000;
}

/** An email address (validator.js's rules), refusing text that is not well-formed Unicode first (validator.js would throw). */
export const isEmailAddress = (value: unknown): boolean => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value);

/** Well-formed text with at least one visible character and no control characters (null bytes included). */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must contain visible text and no control characters', ...options },
      validator: { validate: isCleanText },
    });
}

/** A real calendar date, YYYY-MM-DD, from 2000 to 2100 (the past or the future: e.g. when a term of office ends). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date in the form YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => !!parseCalendarDate(value) && (value as string) >= '2000-01-01' && (value as string) <= '2100-12-31' },
    });
}

/** A real calendar date, YYYY-MM-DD, not after today. */
export function IsPastCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPastCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date in the form YYYY-MM-DD, not in the future', ...options },
      validator: { validate: isPastCalendarDate },
    });
}

/**
 * An ISO 8601 date-time with a time zone (Z or an offset) in a plausible range: from 2000 to a year ahead. Officers
 * key in what the post brought, so a mistyped year is caught while a date ahead (e.g. a rehearsal of the Christmas
 * calendar) is not refused.
 */
export function IsPlausibleInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPlausibleInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date and time with a time zone, like 2026-12-24T10:00:00Z, between 2000 and a year from now', ...options },
      validator: {
        validate(value: unknown) {
          const time = parseInstant(value)?.getTime();
          return time !== undefined && time <= Date.now() + 366 * 86_400_000 && time >= Date.parse('2000-01-01T00:00:00Z');
        },
      },
    });
}

/** An email address; text that is not well-formed Unicode is refused before validator.js sees it (it would throw). */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an email address', ...options },
      validator: { validate: isEmailAddress },
    });
}

/**
 * class-transformer's `@Transform` for whole numbers in a query string: only plain decimal digits become a number.
 * `Number()` would also read "0x10" as 16, "1e3" as 1000 and " 5 " as 5; those stay strings and fail @IsInt.
 */
export const decimalInteger = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);
