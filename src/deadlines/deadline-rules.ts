import { addWorkingDays } from '../calendar/working-day-calendar.js';
import type { Environment } from '../config/environment.js';
import type { DeadlineCalculation, DeadlineKind } from './deadline.entity.js';

export interface DueDate {
  kind: DeadlineKind;
  startAt: Date;
  dueAt: Date;
  calculation: DeadlineCalculation;
}

type DeadlineSettings = Pick<Environment, 'ACKNOWLEDGEMENT_WORKING_DAYS' | 'RECORDING_DECISION_WORKING_DAYS' | 'INFORMAL_RESOLUTION_WORKING_DAYS'>;

const RULES: Record<DeadlineKind, { rule: string; days: (s: DeadlineSettings) => number }> = {
  acknowledgement: { rule: 'acknowledge the complaint within {n} working days of receipt (panel protocol)', days: (s) => s.ACKNOWLEDGEMENT_WORKING_DAYS },
  recording_decision: { rule: 'decide whether to record within {n} working days of receipt (panel protocol)', days: (s) => s.RECORDING_DECISION_WORKING_DAYS },
  iopc_referral: { rule: 'refer a serious complaint to the IOPC by the end of the next working day (reg 13)', days: () => 1 },
  informal_resolution: { rule: 'conclude informal resolution within {n} working days (panel protocol)', days: (s) => s.INFORMAL_RESOLUTION_WORKING_DAYS },
  // the triage plans its own review deadline (one working day for a possible offence); this is the ordinary one
  triage_review: { rule: 'an officer reviews the triage within {n} working days', days: () => 2 },
};

/** The due time of a deadline that starts at `startAt`, with its calculation. */
export function dueDate(kind: DeadlineKind, startAt: Date, settings: DeadlineSettings): DueDate {
  const days = RULES[kind].days(settings);
  const result = addWorkingDays(startAt, days);
  return {
    kind,
    startAt,
    dueAt: result.dueAt,
    calculation: {
      rule: RULES[kind].rule.replace('{n}', String(days)),
      workingDays: days,
      startDate: result.startDate,
      dueDate: result.dueDate,
      skipped: result.skipped,
    },
  };
}
