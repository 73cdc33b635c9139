import { addWorkingDays } from '../calendar/working-day-calendar.js';
import type { DeadlineCalculation } from '../deadlines/deadline.entity.js';
import { readPolicy } from './language/parties.js';
import type { Decision } from './rules/rule.types.js';

const { review_working_days: REVIEW_WORKING_DAYS } = readPolicy<{ review_working_days: number }>('decide.yaml');

/**
 * When an officer must look at a triage: a possible offence by the end of the next working day (as an IOPC
 * referral would be), anything else within the policy's working days.
 */
export function reviewDeadline(decision: Pick<Decision, 'possibleOffence' | 'reviewReasons'>, startAt: Date): { startAt: Date; dueAt: Date; calculation: DeadlineCalculation } {
  const urgent = decision.possibleOffence || decision.reviewReasons.includes('not_english') || decision.reviewReasons.includes('empty');
  const days = urgent ? 1 : REVIEW_WORKING_DAYS;
  const result = addWorkingDays(startAt, days);
  return {
    startAt,
    dueAt: result.dueAt,
    calculation: {
      rule: urgent
        ? 'review a possible offence (or a complaint the rules could not read) by the end of the next working day'
        : `review the triage within ${days} working days`,
      workingDays: days,
      startDate: result.startDate,
      dueDate: result.dueDate,
      skipped: result.skipped,
    },
  };
}
