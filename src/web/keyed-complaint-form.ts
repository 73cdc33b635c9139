import { DateTime } from 'luxon';
import { CreateKeyedComplaintDto, KEYED_CHANNELS } from '../cases/dto/create-keyed-complaint.dto.js';
import { dateFromParts } from './date-parts.js';
import { formFields, validateForm, type FieldErrors } from './form-validation.js';
import { KEYED_FORM } from './staff-messages.js';

export const KEYED_FIELDS = [
  'channel', 'receivedAt-day', 'receivedAt-month', 'receivedAt-year', 'receivedTime', 'name', 'email', 'phone', 'postalAddress',
  'subjectRole', 'subjectName', 'summary', 'details', 'incidentDate-day', 'incidentDate-month', 'incidentDate-year', 'submissionId',
] as const;

const LONDON = 'Europe/London';

/**
 * Reads the "add a complaint" form into the API's DTO: the date received (and the time, if given, else the start of
 * that day in London) becomes `receivedAt`. Errors are keyed by the element the summary links to.
 */
export function readKeyedForm(body: unknown, now = DateTime.now().setZone(LONDON)): { values: Record<string, string>; dto?: CreateKeyedComplaintDto; errors: FieldErrors } {
  const values = formFields(body, KEYED_FIELDS);
  const errors: FieldErrors = {};
  const received = dateFromParts(values['receivedAt-day'], values['receivedAt-month'], values['receivedAt-year']);
  const time = (values.receivedTime ?? '').trim();
  const clock = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(time);
  let receivedAt = '';
  if (!received) errors['receivedAt-day'] = received === '' ? 'Enter the date the complaint was received' : KEYED_FORM.messages.receivedAt('', '');
  else if (time && !clock) errors.receivedTime = 'Enter the time as hours and minutes, like 14:30, or leave it empty';
  else {
    const at = DateTime.fromISO(received, { zone: LONDON }).set({ hour: clock ? +clock[1] : 0, minute: clock ? +clock[2] : 0 });
    if (at > now) errors['receivedAt-day'] = 'The date received must be today or in the past';
    else receivedAt = at.toISO()!;
  }
  const incident = dateFromParts(values['incidentDate-day'], values['incidentDate-month'], values['incidentDate-year']);
  if (incident === null) errors['incidentDate-day'] = KEYED_FORM.messages.incidentDate('', '');
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const { value, errors: invalid } = validateForm(
    CreateKeyedComplaintDto,
    {
      complainant: { name: values.name ?? '', email: (values.email ?? '').trim(), phone: text(values.phone), postalAddress: text(values.postalAddress) },
      subject: { role: values.subjectRole, name: text(values.subjectName) },
      summary: values.summary ?? '',
      details: values.details ?? '',
      incidentDate: incident || undefined,
      receivedAt: receivedAt || '2000-01-01T00:00:00Z',
      channel: KEYED_CHANNELS.includes(values.channel as never) ? values.channel : 'none',
    },
    KEYED_FORM,
  );
  for (const [id, message] of Object.entries(invalid)) {
    if (!errors[id] && !(id === 'incidentDate-day' && incident === '') && !(id === 'receivedAt-day' && !receivedAt)) errors[id] = message;
  }
  return Object.keys(errors).length ? { values, errors } : { values, dto: value, errors };
}
