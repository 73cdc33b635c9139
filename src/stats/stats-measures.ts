import { MOVES, OUTCOME_KINDS, type OutcomeKind } from '../cases/case-lifecycle.js';
import { CATEGORY_CHANGED } from '../deadlines/deadlines.service.js';

/** The measures of the summary table (stats_daily.measure) and what k1, k2 and k3 hold for each. */
export const MEASURE = {
  cases: 'cases',
  status: 'status', // k1 status
  category: 'category', // k1 category in force
  triageCategory: 'triage_category', // k1 the latest triage's category
  channel: 'channel', // k1 channel
  subjectRole: 'subject_role', // k1 role
  nextDue: 'next_due', // k1 the London date the case's next unmet deadline falls due
  outcome: 'outcome', // k1 outcome kind: cases with at least one such action
  repeat: 'repeat', // k1 the latest triage's repetition verdict, when not "none"
  deadline: 'deadline', // k1 kind, k2 met | met_late | stopped | open, k3 due date when open
  deadlineDays: 'deadline_days', // k1 kind, k2 working days from start to met (met and met late only)
  agreement: 'agreement', // k1 rule-set version, k2 its category, k3 the officers' final category ('' until reviewed)
  override: 'override', // k1 rule-set version of the overridden triage ('none'), k2 override state
  erased: 'erased', // k1 what first erased the case's personal data: request | retention
} as const;

/**
 * Moves that end a deadline without meeting it: withdrawal and closure stop every open deadline, and a change of
 * category stops an IOPC referral that no longer applies. They count as "stopped", never as met.
 */
export const STOPPING: readonly string[] = [...OUTCOME_KINDS.filter((kind) => MOVES[kind].meets === 'all'), CATEGORY_CHANGED];

/**
 * The officers' decision on a triaged case: a move that meets the recording decision (refer, start informal
 * resolution, disapply, not record, redirect). A case with one, or with an applied override, has been reviewed, and
 * its category in force is the officers' final category.
 */
export const DECISIONS: readonly OutcomeKind[] = OUTCOME_KINDS.filter((kind) => {
  const meets = MOVES[kind].meets;
  return meets !== 'all' && meets.includes('recording_decision');
});
