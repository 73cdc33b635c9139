import { ExportQuery } from '../audit/dto/export-query.dto.js';
import { dateFromParts } from './date-parts.js';
import { formFields, validateForm, type FieldErrors } from './form-validation.js';
import { EXPORT_FORM } from './staff-messages.js';

export const EXPORT_FIELDS = ['format', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year', 'reference', 'type'] as const;

export interface ExportForm {
  /** What was typed, to show again beside an error. */
  values: Record<string, string>;
  /** The export to make, when the form holds together. */
  query?: ExportQuery;
  errors: FieldErrors;
}

/**
 * Reads the audit page's export form (GOV.UK date inputs, whole London days) into the API's ExportQuery, so the page
 * and `GET /api/audit/export` refuse the same things; errors are keyed by the element the error summary links to.
 */
export function readExportForm(raw: unknown): ExportForm {
  const values = formFields(raw, EXPORT_FIELDS);
  const errors: FieldErrors = {};
  const from = dateFromParts(values['from-day'], values['from-month'], values['from-year']);
  const to = dateFromParts(values['to-day'], values['to-month'], values['to-year']);
  if (!values.format) errors.format = EXPORT_FORM.messages.format('', '');
  if (from === null) errors['from-day'] = EXPORT_FORM.messages.from('', '');
  if (to === null) errors['to-day'] = EXPORT_FORM.messages.to('', '');
  const text = (v: string | undefined) => v?.trim() || undefined;
  const { value, errors: invalid } = validateForm(
    ExportQuery,
    { format: values.format || 'none', from: from || undefined, to: to || undefined, reference: text(values.reference)?.toUpperCase(), type: text(values.type)?.toLowerCase() },
    EXPORT_FORM,
  );
  for (const [id, message] of Object.entries(invalid)) errors[id] ??= message;
  return Object.keys(errors).length ? { values, errors } : { values, query: value, errors };
}
