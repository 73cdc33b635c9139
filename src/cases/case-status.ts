export const CASE_STATUSES = [
  'received',
  'triaged',
  'referred_to_iopc',
  'iopc_investigating',
  'referred_back',
  'informal_resolution',
  'comments_invited',
  'outcome_recorded',
  'disapplied',
  'not_recorded',
  'redirected',
  'withdrawn',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the panel has reached its decision on the complaint. */
export const DECIDED_STATUSES: readonly CaseStatus[] = ['outcome_recorded', 'disapplied', 'not_recorded', 'redirected', 'withdrawn', 'closed'];
