import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

// Control characters other than tab, line feed and carriage return have no place in a complaint.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Half of a UTF-16 surrogate pair on its own: not a character; Postgres cannot store it and validator.js throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed text with at least one visible character and no control characters (null bytes included). */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must contain visible text and no control characters', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value) && /\S/.test(value) && !CONTROL_CHARACTERS.test(value),
      },
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
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
          return value >= '1900-01-01' && date.getTime() <= Date.now() + 14 * 3_600_000; // ahead of UTC by at most 14 h
        },
      },
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
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
          const time = Date.parse(value);
          return !Number.isNaN(time) && time <= Date.now() + 366 * 86_400_000 && time >= Date.parse('2000-01-01T00:00:00Z');
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
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
      },
    });
}
