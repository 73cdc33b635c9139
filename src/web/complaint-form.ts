import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { hasVisibleText } from '../common/validators.js';
import { contactProblems } from '../complaints/contact-rules.js';
import { CreateComplaintDto } from '../complaints/dto/create-complaint.dto.js';
import type { Language, TFunction } from '../i18n/translations.js';

/** The fields of the public form, as the contract names them, then the ones it added; in the order the page shows them. */
export const FORM_FIELDS = [
  'forSomeoneElse', 'representativeName', 'representativeRelationship', 'representativeEmail', 'representativePostalAddress', 'representativeConsent',
  'name', 'email', 'phone', 'postalAddress', 'contactPreference', 'adjustments',
  'subjectRole', 'subjectName', 'summary', 'details', 'incidentDate',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Partial<Record<FormField | 'submissionId' | 'language', string>>;
export type FormErrors = Partial<Record<FormField | 'evidence', string>>;

const FIELD_OF_PATH: Record<string, FormField> = {
  'complainant.name': 'name',
  'complainant.email': 'email',
  'complainant.phone': 'phone',
  'complainant.postalAddress': 'postalAddress',
  'subject.role': 'subjectRole',
  'subject.name': 'subjectName',
  summary: 'summary',
  details: 'details',
  incidentDate: 'incidentDate',
  adjustments: 'adjustments',
  contactPreference: 'contactPreference',
  'representative.name': 'representativeName',
  'representative.relationship': 'representativeRelationship',
  'representative.email': 'representativeEmail',
  'representative.postalAddress': 'representativePostalAddress',
};

const blank = (value: unknown) => !hasVisibleText(value);

/** Plain messages in the GOV.UK pattern (say what to do), as keys of the complaint namespace. */
const MESSAGE_KEYS: Partial<Record<FormField, (constraint: string, value: unknown) => string>> = {
  name: (c, v) => (blank(v) ? 'errors.name.blank' : c === 'maxLength' ? 'errors.name.tooLong' : 'errors.name.invalid'),
  email: () => 'errors.email.invalid',
  phone: () => 'errors.phone.invalid',
  postalAddress: () => 'errors.postalAddress.invalid',
  contactPreference: () => 'errors.contactPreference',
  adjustments: () => 'errors.adjustments',
  subjectRole: () => 'errors.subjectRole',
  subjectName: () => 'errors.subjectName',
  summary: (c, v) => (blank(v) ? 'errors.summary.blank' : c === 'isLength' ? 'errors.summary.tooLong' : 'errors.summary.invalid'),
  details: (c, v) => (blank(v) ? 'errors.details.blank' : c === 'isLength' ? 'errors.details.tooLong' : 'errors.details.invalid'),
  incidentDate: () => 'errors.incidentDate',
  representativeName: (_c, v) => (blank(v) ? 'errors.representativeName.blank' : 'errors.representativeName.invalid'),
  representativeRelationship: (_c, v) => (blank(v) ? 'errors.representativeRelationship.blank' : 'errors.representativeRelationship.invalid'),
  representativeEmail: () => 'errors.representativeEmail',
  representativePostalAddress: () => 'errors.representativePostalAddress',
};

const CONTACT_PROBLEM_KEYS: Record<string, [FormField, string]> = {
  'complainant.email': ['email', 'errors.email.blank'],
  'complainant.postalAddress': ['postalAddress', 'errors.postalAddress.blank'],
  'complainant.phone': ['phone', 'errors.phone.blank'],
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Keeps only the form's own fields, as strings, so they can be shown again. */
export function formValues(body: unknown): FormValues {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of [...FORM_FIELDS, 'submissionId', 'language'] as const) {
    if (typeof raw[field] === 'string') values[field] = raw[field] as string;
  }
  return values;
}

export function toComplaintDto(values: FormValues, language: Language): CreateComplaintDto {
  const forSomeoneElse = values.forSomeoneElse === 'yes';
  return plainToInstance(CreateComplaintDto, {
    complainant: { name: values.name ?? '', email: text(values.email)?.trim(), phone: text(values.phone), postalAddress: text(values.postalAddress) },
    subject: { role: values.subjectRole, name: text(values.subjectName) },
    summary: values.summary ?? '',
    details: values.details ?? '',
    incidentDate: text(values.incidentDate)?.trim(),
    language,
    adjustments: text(values.adjustments),
    contactPreference: values.contactPreference || undefined,
    representative: forSomeoneElse
      ? {
          name: values.representativeName ?? '',
          relationship: values.representativeRelationship ?? '',
          email: text(values.representativeEmail)?.trim(),
          postalAddress: text(values.representativePostalAddress),
          consent: values.representativeConsent === 'yes',
        }
      : undefined,
  });
}

/** Field -> message (in the page's language) for every invalid field, in the order the form shows them. */
export function validateForm(values: FormValues, dto: CreateComplaintDto, t: TFunction): FormErrors {
  const found: FormErrors = {};
  const walk = (errors: ValidationError[], prefix: string) => {
    for (const error of errors) {
      const path = prefix ? `${prefix}.${error.property}` : error.property;
      if (error.children?.length) walk(error.children, path);
      const field = FIELD_OF_PATH[path];
      const key = field && MESSAGE_KEYS[field];
      if (key && error.constraints && !found[field]) found[field] = t(key(Object.keys(error.constraints)[0], error.value), { ns: 'complaint' });
    }
  };
  walk(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }), '');
  for (const problem of contactProblems(dto)) {
    const [field, key] = CONTACT_PROBLEM_KEYS[problem.path];
    found[field] ??= t(key, { ns: 'complaint' });
  }
  if (values.forSomeoneElse === 'yes' && values.representativeConsent !== 'yes') found.representativeConsent = t('errors.representativeConsent', { ns: 'complaint' });
  return Object.fromEntries(FORM_FIELDS.filter((f) => found[f]).map((f) => [f, found[f]]));
}
