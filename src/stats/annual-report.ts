import { DateTime } from 'luxon';
import { bankHolidays } from '../calendar/working-day-calendar.js';
import type { Environment } from '../config/environment.js';
import type { StatsFigures } from './stats-figures.js';
import { LONDON } from './stats-period.js';
import { confusionTables, countTables, statsFigures, type Figure, type Table } from './stats-view.js';

export type DeadlineSettings = Pick<Environment, 'ACKNOWLEDGEMENT_WORKING_DAYS' | 'RECORDING_DECISION_WORKING_DAYS' | 'INFORMAL_RESOLUTION_WORKING_DAYS'>;

export interface AnnualReport {
  year: string;
  title: string;
  periodLabel: string;
  generatedAt: string;
  summary: string[];
  keyFigures: Table;
  figures: Figure[];
  confusion: Table[];
  counts: Table[];
  method: string[];
  bankHolidays: string[];
}

/** What counts as what: the same notes on the page and in the report. */
export function methodNotes(s: DeadlineSettings): string[] {
  return [
    'Every figure counts complaints received in the period, by the day of receipt in UK time, whatever happened to them later: a complaint received in March and decided in May counts in March.',
    'A deadline is met on time when the step that meets it was recorded by the end of its due day, and met late after that. It is overdue when its due day has passed and it is not met, and open before then. It is stopped when the complaint was withdrawn, the case closed, or the category changed so that the deadline no longer applied, before it was met: stopped deadlines are neither met nor missed.',
    'Working days leave out Saturdays, Sundays and the bank holidays of England and Wales, substitute days included. The day a deadline starts is day 0. Median working days count from the start to the day the deadline was met, for deadlines met on time or late.',
    `The panel's own targets: acknowledgement within ${s.ACKNOWLEDGEMENT_WORKING_DAYS} working days of receipt, the decision whether to record within ${s.RECORDING_DECISION_WORKING_DAYS}, informal resolution concluded within ${s.INFORMAL_RESOLUTION_WORKING_DAYS} of its start. The referral of a serious complaint to the IOPC is statutory: by the end of the working day after the day it became clear (regulation 13 of the 2012 Regulations).`,
    "A rule-set version's category is kept when officers reviewed the case (by deciding on it or changing its category) and their final category is the same, and changed when it differs. Cases not yet reviewed count as neither.",
    "No figure depends on complainants' personal data or on the words of a complaint, so erasing them later leaves these figures as they are.",
  ];
}

/** The bank holidays that fall in the period, as "25 December 2025 (Christmas Day)". */
export function holidaysIn(from: string, to: string): string[] {
  const years = Array.from({ length: +to.slice(0, 4) - +from.slice(0, 4) + 1 }, (_, i) => +from.slice(0, 4) + i);
  return years
    .flatMap((year) => [...bankHolidays(year)])
    .filter(([date]) => date >= from && date <= to)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => `${DateTime.fromISO(date).toFormat('d LLLL yyyy')} (${name})`);
}

/** The annual report of a financial year, laid out as a panel paper: summary, figures, tables, notes on method. */
export function annualReport(year: string, f: StatsFigures, settings: DeadlineSettings): AnnualReport {
  const figures = statsFigures(f);
  const reviewed = Object.values(f.triageAgreement).reduce((sum, a) => sum + a.confirmed + a.overridden, 0);
  const kept = Object.values(f.triageAgreement).reduce((sum, a) => sum + a.confirmed, 0);
  return {
    year,
    title: `Complaints about the Police and Crime Commissioner: annual report ${year}`,
    periodLabel: `1 April ${year.slice(0, 4)} to 31 March ${+year.slice(0, 4) + 1}`,
    generatedAt: DateTime.fromISO(f.generatedAt).setZone(LONDON).toFormat("d LLLL yyyy 'at' HH:mm"),
    summary: [
      ...figures.map((figure) => figure.summary),
      reviewed ? `Over the year officers kept the automatic triage's category in ${kept} of the ${reviewed} cases they reviewed.` : 'Officers reviewed no automatically triaged case in the year.',
    ],
    keyFigures: {
      id: 'table-key-figures',
      caption: 'Key figures',
      head: ['Measure', 'Cases'],
      rows: [
        ['Complaints received', f.cases],
        ['Referred to the IOPC', f.iopcReferrals.referred],
        ['Withdrawn', f.withdrawals],
        ['Repeats of an earlier complaint', f.repeats.total],
        ['Cases with a deadline overdue now', f.overdue],
        ['Awaiting triage now', f.awaitingTriage],
      ],
    },
    figures,
    confusion: confusionTables(f),
    counts: countTables(f),
    method: methodNotes(settings),
    bankHolidays: holidaysIn(f.period.from!, f.period.to!),
  };
}
