import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { hasVisibleText } from '../common/validators.js';
import { CreateComplaintDto } from '../complaints/dto/create-complaint.dto.js';

/** The fields of the public form, as the contract names them. */
export const FORM_FIELDS = ['name', 'email', 'phone', 'postalAddress', 'subjectRole', 'subjectName', 'summary', 'details', 'incidentDate'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Partial<Record<FormField | 'submissionId', string>>;

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
};

const blank = (value: unknown) => !hasVisibleText(value);

/** Plain-English messages, in the GOV.UK pattern: say what to do. */
const MESSAGES: Record<FormField, (constraint: string, value: unknown) => string> = {
  name: (c, v) => (blank(v) ? 'Enter your full name' : c === 'maxLength' ? 'Full name must be 200 characters or fewer' : 'Enter your full name using letters'),
  email: () => 'Enter an email address in the correct format, like name@example.com',
  phone: () => 'Enter a phone number of 40 characters or fewer',
  postalAddress: () => 'Enter a postal address of 500 characters or fewer',
  subjectRole: () => 'Select who your complaint is about',
  subjectName: () => 'Their name must be 200 characters or fewer',
  summary: (c, v) => (blank(v) ? 'Enter your complaint in one or two sentences' : c === 'isLength' ? 'Your complaint in one or two sentences must be 300 characters or fewer' : 'Remove the unusual characters from your complaint'),
  details: (c, v) => (blank(v) ? 'Enter what happened' : c === 'isLength' ? 'What happened must be 20,000 characters or fewer' : 'Remove the unusual characters from what happened'),
  incidentDate: () => 'Enter the date it happened as a real date in the past, like 2026-10-27',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Keeps only the form's own fields, as strings, so they can be shown again. */
export function formValues(body: unknown): FormValues {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of [...FORM_FIELDS, 'submissionId'] as const) {
    if (typeof raw[field] === 'string') values[field] = raw[field] as string;
  }
  return values;
}

export function toComplaintDto(values: FormValues): CreateComplaintDto {
  return plainToInstance(CreateComplaintDto, {
    complainant: { name: values.name ?? '', email: values.email?.trim() ?? '', phone: text(values.phone), postalAddress: text(values.postalAddress) },
    subject: { role: values.subjectRole, name: text(values.subjectName) },
    summary: values.summary ?? '',
    details: values.details ?? '',
    incidentDate: text(values.incidentDate)?.trim(),
  });
}

/** Field -> message for every invalid field, in the order the form shows them. */
export function validateForm(dto: CreateComplaintDto): Partial<Record<FormField, string>> {
  const found: Partial<Record<FormField, string>> = {};
  const walk = (errors: ValidationError[], prefix: string) => {
    for (const error of errors) {
      const path = prefix ? `${prefix}.${error.property}` : error.property;
      if (error.children?.length) walk(error.children, path);
      const field = FIELD_OF_PATH[path];
      if (field && error.constraints && !found[field]) found[field] = MESSAGES[field](Object.keys(error.constraints)[0], error.value);
    }
  };
  walk(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }), '');
  return Object.fromEntries(FORM_FIELDS.filter((f) => found[f]).map((f) => [f, found[f]]));
}
