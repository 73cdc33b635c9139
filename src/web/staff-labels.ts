/**
 * What the staff pages call things: one name for each status, category, outcome, deadline, channel and event, in
 * plain English, sentence case. The staff pages are English (the public pages are bilingual).
 */

export const STATUS_LABELS: Record<string, string> = {
  received: 'Received, awaiting triage',
  triaged: 'Triaged',
  referred_to_iopc: 'Referred to the IOPC',
  iopc_investigating: 'IOPC investigating',
  referred_back: 'Referred back by the IOPC',
  informal_resolution: 'Informal resolution',
  comments_invited: 'Comments invited',
  outcome_recorded: 'Outcome recorded',
  disapplied: 'Procedure disapplied',
  not_recorded: 'Not recorded',
  redirected: 'Redirected',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

export const CATEGORY_LABELS: Record<string, string> = {
  criminal: 'Criminal',
  conduct: 'Conduct',
  vexatious: 'Vexatious',
  political: 'Political',
  non_policing: 'Not a policing matter',
};

export const OUTCOME_LABELS: Record<string, string> = {
  acknowledged: 'Acknowledged',
  referred_to_iopc: 'Referred to the IOPC',
  iopc_investigating: 'The IOPC is investigating',
  iopc_referred_back: 'The IOPC referred it back',
  informal_resolution_started: 'Informal resolution started',
  comments_invited: 'Comments invited from both sides',
  informal_resolution_concluded: 'Informal resolution concluded',
  disapplied: 'Procedure disapplied (reg 15)',
  not_recorded: 'Not recorded',
  redirected: 'Redirected to the body responsible',
  withdrawn: 'Withdrawn by the complainant',
  closed: 'Closed',
};

export const DEADLINE_LABELS: Record<string, string> = {
  acknowledgement: 'Acknowledgement',
  recording_decision: 'Recording decision',
  iopc_referral: 'IOPC referral',
  informal_resolution: 'Informal resolution',
  triage_review: 'Triage review',
};

export const DEADLINE_STATE_LABELS: Record<string, string> = { met: 'Met', overdue: 'Overdue', due_soon: 'Due soon', open: 'Open' };

/** GOV.UK tag colours with enough contrast for their text (the plain orange of old did not: 2.78:1). */
export const DEADLINE_STATE_TAGS: Record<string, string> = { met: 'govuk-tag--green', overdue: 'govuk-tag--red', due_soon: 'govuk-tag--yellow', open: 'govuk-tag--grey' };

export const CHANNEL_LABELS: Record<string, string> = {
  web: 'the online form',
  api: 'the API',
  letter: 'letter',
  email: 'email',
  phone: 'phone',
  in_person: 'in person',
};

export const SUBJECT_LABELS: Record<string, string> = {
  pcc: 'Police and Crime Commissioner',
  deputy_pcc: 'Deputy Police and Crime Commissioner',
  mayor: 'Mayor with PCC functions',
};

export const ROLE_LABELS: Record<string, string> = { officer: 'Complaints officer', auditor: 'Auditor', admin: 'Administrator' };

export const SORT_LABELS: Record<string, string> = { due: 'Next deadline first', received: 'Oldest first', '-received': 'Newest first' };

export const EVENT_LABELS: Record<string, string> = {
  'complaint.received': 'Complaint received',
  'triage.completed': 'Triaged',
  'triage.review_cleared': 'Triage review cleared',
  'case.outcome_recorded': 'Outcome recorded',
  'case.category_overridden': 'Category changed',
  'case.override_requested': 'Change of category asked for',
  'case.override_rejected': 'Change of category rejected',
  'case.assigned': 'Assigned',
  'case.note_added': 'Note added',
  'case.contact_logged': 'Contact logged',
  'complainant.updated': "Complainant's details changed",
  'letter.created': 'Letter drafted',
  'letter.edited': 'Letter edited',
  'letter.approved': 'Letter approved to send',
  'letter.sent': 'Letter sent',
  'letter.send_failed': 'Letter could not be sent',
  'evidence.received': 'Evidence received',
  'evidence.scanned': 'Evidence scanned',
  'case.legal_hold_placed': 'Legal hold placed',
  'case.legal_hold_released': 'Legal hold lifted',
  'case.personal_data_erased': 'Personal data erased',
  'case.subject_access_given': 'Subject access given',
};

/** Who did something, for the case log's tables: staff by email, never by id; the service's own actors in words. */
export const ACTOR_LABELS: Record<string, string> = { complainant: 'The complainant', system: 'The system', worker: 'The system' };

export function actorName(actor: string, email?: string | null): string {
  if (email) return email;
  if (ACTOR_LABELS[actor]) return ACTOR_LABELS[actor];
  // A staff member whose account row is gone (an id means nothing to a reader); an email passed as the actor stays.
  return actor.startsWith('user:') ? 'A former staff member' : actor;
}

export const label = (labels: Record<string, string>, value: string | null | undefined, fallback = ''): string =>
  value ? (labels[value] ?? value.replace(/_/g, ' ')) : fallback;

/** "1 working day", "2 working days". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every label table, for the templates (a Nunjucks global). */
export const LABELS = {
  status: STATUS_LABELS,
  category: CATEGORY_LABELS,
  outcome: OUTCOME_LABELS,
  deadline: DEADLINE_LABELS,
  deadlineState: DEADLINE_STATE_LABELS,
  deadlineTag: DEADLINE_STATE_TAGS,
  channel: CHANNEL_LABELS,
  subject: SUBJECT_LABELS,
  role: ROLE_LABELS,
  sort: SORT_LABELS,
  event: EVENT_LABELS,
};
