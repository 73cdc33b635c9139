import { hasVisibleText } from '../common/validators.js';

/**
 * Every message the staff pages show, in the GOV.UK style: say what to do ("Enter a reason"), in plain English.
 * Each form maps its fields (as the DTO names them) to a message, and to the id of the element the error links to,
 * so an error summary link lands on the right form's field even when two forms on a page share a field name.
 */
export type FieldMessage = (constraint: string, value: unknown) => string;
export interface StaffForm {
  messages: Record<string, FieldMessage>;
  /** DTO field -> element id, where they differ. */
  ids?: Record<string, string>;
}

const blank = (value: unknown) => !hasVisibleText(value);
const text = (enter: string, max: string, noun: string): FieldMessage => (c, v) =>
  blank(v) ? enter : c === 'isLength' || c === 'maxLength' ? `${noun} must be ${max} characters or fewer` : `Remove the unusual characters from ${noun.toLowerCase()}`;

export const OUTCOME_FORM: StaffForm = {
  messages: { kind: () => 'Select what has happened', notes: text('Enter the reason, ground, destination or outcome', '10,000', 'The notes') },
};

export const CATEGORY_FORM: StaffForm = {
  messages: { category: () => 'Select a category', reason: text('Enter why the triage was wrong', '5,000', 'The reason') },
};

export const CONFIRM_FORM: StaffForm = {
  messages: { confirm: () => 'Select yes to confirm the change of category, or no to keep the case criminal', reason: text('Enter your reason', '5,000', 'Your reason') },
  ids: { confirm: 'confirm', reason: 'confirmReason' },
};

export const ASSIGN_FORM: StaffForm = { messages: { assigneeId: () => 'Select an officer, or Nobody' } };

export const REVIEW_FORM: StaffForm = {
  messages: { reason: text('Enter what you found before clearing the review', '5,000', 'What you found') },
  ids: { reason: 'reviewReason' },
};

export const NOTE_FORM: StaffForm = {
  messages: {
    text: text('Enter the note', '10,000', 'The note'),
    contactChannel: () => 'Select how you were in contact',
    contactDirection: () => 'Select who got in touch',
  },
  ids: { text: 'noteText' },
};

export const COMPLAINANT_FORM: StaffForm = {
  messages: {
    name: text('Enter the complainant’s full name', '200', 'Full name'),
    email: () => 'Enter an email address in the correct format, like name@example.com',
    phone: () => 'Enter a phone number of 40 characters or fewer',
    postalAddress: () => 'Enter a postal address of 500 characters or fewer',
  },
};

export const KEYED_FORM: StaffForm = {
  messages: {
    channel: () => 'Select how the complaint arrived',
    receivedAt: () => 'Enter the date the complaint was received, as a real date from 2000 up to today, like 24 12 2026',
    name: COMPLAINANT_FORM.messages.name,
    email: COMPLAINANT_FORM.messages.email,
    phone: COMPLAINANT_FORM.messages.phone,
    postalAddress: COMPLAINANT_FORM.messages.postalAddress,
    subjectRole: () => 'Select who the complaint is about',
    subjectName: () => 'Their name must be 200 characters or fewer',
    summary: text('Enter the complaint in one or two sentences', '300', 'The summary'),
    details: text('Enter what happened, as the complainant told it', '20,000', 'What happened'),
    incidentDate: () => 'Enter the date it happened as a real date in the past, like 27 10 2026',
  },
  ids: {
    receivedAt: 'receivedAt-day', incidentDate: 'incidentDate-day', 'complainant.name': 'name', 'complainant.email': 'email', 'complainant.phone': 'phone',
    'complainant.postalAddress': 'postalAddress', 'subject.role': 'subjectRole', 'subject.name': 'subjectName',
  },
};

export const LETTER_FORM: StaffForm = {
  messages: {
    kind: () => 'Select a letter',
    message: (c, v) => (blank(v) ? 'Enter what to tell the complainant' : 'What to tell the complainant must be 5,000 characters or fewer'),
    subject: text('Enter a subject', '200', 'The subject'),
    body: text('Enter the letter', '20,000', 'The letter'),
    delivery: () => 'Select how to send the letter',
  },
};

export const USER_FORM: StaffForm = {
  messages: {
    email: () => 'Enter an email address in the correct format, like name@example.com',
    password: (c, v) => (blank(v) ? 'Enter a password' : c === 'minLength' ? 'The password must be 12 characters or more' : 'The password must be 200 characters or fewer'),
    role: () => 'Select a role',
    disabled: () => 'Select whether the account is enabled',
  },
};

export const EXPORT_FORM: StaffForm = {
  messages: {
    format: () => 'Select a format for the file',
    from: () => 'The start date must be a real date, like 1 11 2026',
    to: (c) => (c === 'isNotBeforeFrom' ? 'The end date must be the same as or after the start date' : 'The end date must be a real date, like 30 11 2026'),
    reference: () => 'Enter a case reference like PCC-7KQ2-M9XD, or leave it empty',
    type: () => 'Enter an event type like complaint.received, or leave it empty',
  },
  ids: { from: 'from-day', to: 'to-day' },
};

export const ERASURE_FORM: StaffForm = {
  messages: { reason: text('Enter a reason for the erasure', '2,000', 'The reason'), scope: () => 'Select whether to erase this case only or every case of the complainant' },
};

export const HOLD_FORM: StaffForm = { messages: { reason: text('Enter why the case must be kept', '2,000', 'The reason') }, ids: { reason: 'holdReason' } };

export const LIFT_FORM: StaffForm = { messages: { reason: text('Enter why the hold is being lifted', '2,000', 'The reason') }, ids: { reason: 'liftReason' } };

export const TERM_FORM: StaffForm = {
  messages: {
    holderName: text('Enter their name', '200', 'Their name'),
    subjectRole: () => 'Select the office they hold',
    endedOn: () => 'The day they leave office must be a real date between 2000 and 2100, like 8 5 2028',
  },
  ids: { endedOn: 'endedOn-day' },
};

/** Domain errors whose own wording is for API clients: what the pages say instead. */
export const REFUSALS: Record<string, string> = {
  'LETTER.MESSAGE_REQUIRED': 'Enter what to tell the complainant',
  'CASE.SAME_OFFICER': 'A second officer must confirm this: you asked for the change, so you cannot confirm it',
  'USER.EXISTS': 'A user with this email address already exists',
  'ERASURE.REASON_NAMES_PERSON': 'The reason must not contain the complainant’s name or contact details: say why, not who',
  'CASE.ALREADY_HELD': 'This case is already under a legal hold',
  'CASE.NOT_HELD': 'This case is not under a legal hold: someone may have lifted it already',
  'RETENTION.TERM_END_EXISTS': 'That day is already recorded as the end of a term for this office',
};

/** The green banner after an action worked, by the `done` code in the address. */
export const DONE: Record<string, string> = {
  assigned: 'The case has been assigned.',
  classified: 'The category has been changed.',
  pending: 'The change of category is waiting for a second officer to confirm it.',
  confirmed: 'The change of category has been decided.',
  outcome: 'The outcome has been recorded.',
  reviewed: "The triage's review has been cleared.",
  note: 'The note has been added.',
  contact: 'The contact has been logged.',
  complainant: 'The complainant’s details have been changed.',
  unchanged: 'Nothing was changed.',
  keyed: 'The complaint has been added. Its deadlines run from the date it was received.',
  emailed: 'The letter has been approved. It will be emailed in a moment.',
  posted: 'The letter has been recorded as sent by post. Print the PDF and post it today.',
  saved: 'Your changes to the letter have been saved.',
  'user-created': 'The user has been added.',
  'user-updated': 'The user has been changed. Any sessions they had are ended.',
  'password-reset': 'The password has been changed. Any sessions they had are ended: give them the new password securely.',
  retried: 'The failed jobs have been put back on the queue.',
  'hold-placed': 'The legal hold has been placed. The case will not be erased, by hand or by the retention schedule, until it is lifted.',
  'hold-lifted': 'The legal hold has been lifted.',
  'term-recorded': 'The term end has been recorded.',
  'term-removed': 'The term end has been removed.',
};
