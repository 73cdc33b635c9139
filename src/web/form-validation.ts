import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export type FieldErrors = Record<string, string>;

/** Validates a posted form against an API DTO; the first message of each field, ready for an error summary. */
export function validateForm<T extends object>(dto: ClassConstructor<T>, values: Record<string, unknown>): { value: T; errors: FieldErrors } {
  const value = plainToInstance(dto, values);
  const errors: FieldErrors = {};
  const walk = (list: ValidationError[]) => {
    for (const error of list) {
      if (error.constraints && !errors[error.property]) errors[error.property] = Object.values(error.constraints)[0];
      if (error.children?.length) walk(error.children);
    }
  };
  walk(validateSync(value, { whitelist: true }));
  return { value, errors };
}

export const errorList = (errors: FieldErrors) => Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));

/** A posted form's fields as strings only (a form field is never an object). */
export function formFields(body: unknown, names: readonly string[]): Record<string, string> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(names.filter((n) => typeof raw[n] === 'string').map((n) => [n, raw[n] as string]));
}
