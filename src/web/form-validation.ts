import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError } from '../common/domain-error.js';
import { REFUSALS, type StaffForm } from './staff-messages.js';

/** Element id -> message: what a page shows beside each field and in its error summary. */
export type FieldErrors = Record<string, string>;

/**
 * Validates a posted form against an API DTO, in the form's own words (staff-messages.ts): the first problem of each
 * field, keyed by the id of the element the error summary should link to.
 */
export function validateForm<T extends object>(dto: ClassConstructor<T>, values: Record<string, unknown>, form?: StaffForm): { value: T; errors: FieldErrors } {
  const value = plainToInstance(dto, values);
  const errors: FieldErrors = {};
  const walk = (list: ValidationError[], prefix: string) => {
    for (const error of list) {
      const path = prefix + error.property; // nested fields by path: complainant.name is not subject.name
      const id = form?.ids?.[path] ?? path;
      if (error.constraints && !errors[id]) {
        const constraint = Object.keys(error.constraints)[0];
        const message = form?.messages[path] ?? form?.messages[id];
        errors[id] = message?.(constraint, error.value) ?? error.constraints[constraint];
      }
      if (error.children?.length) walk(error.children, `${path}.`);
    }
  };
  walk(validateSync(value, { whitelist: true }), '');
  return { value, errors };
}

export const errorList = (errors: FieldErrors) => Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));

/** A refused action in words for the page: the API's message, or the page's own where the API's is for programs. */
export const refusal = (error: DomainError) => REFUSALS[error.code] ?? error.message;

/** A posted form's fields as strings only (a form field is never an object). */
export function formFields(body: unknown, names: readonly string[]): Record<string, string> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(names.filter((n) => typeof raw[n] === 'string').map((n) => [n, raw[n] as string]));
}
