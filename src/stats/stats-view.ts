import { DateTime } from 'luxon';
import { CATEGORIES } from '../complaints/complaint-categories.js';
import { DEADLINE_KINDS } from '../deadlines/deadline.entity.js';
import { AGREEMENT_STYLES, CATEGORY_STYLES, DEADLINE_STYLES } from './charts/chart-styles.js';
import { stackedBarChart, type ChartModel } from './charts/stacked-bar-chart.js';
import { DEADLINE_STATES, UNTRIAGED, type StatsFigures } from './stats-figures.js';

/** Words a panel member reads, for the keys the API uses. */
export const LABELS: Record<string, string> = {
  criminal: 'Criminal', conduct: 'Conduct', vexatious: 'Vexatious', political: 'Political', non_policing: 'Not policing', [UNTRIAGED]: 'Awaiting triage',
  acknowledgement: 'Acknowledgement', recording_decision: 'Recording decision', iopc_referral: 'IOPC referral', informal_resolution: 'Informal resolution',
  met: 'Met on time', metLate: 'Met late', open: 'Open, not yet due', overdue: 'Overdue', stopped: 'Stopped',
  confirmed: 'Kept by officers', overridden: 'Changed by officers', awaitingReview: 'Not yet reviewed',
  web: 'Web form', api: 'API', letter: 'Letter', email: 'Email', phone: 'Phone', in_person: 'In person',
  pcc: 'Commissioner', deputy_pcc: 'Deputy commissioner', mayor: 'Mayor',
  repetitious: 'Repetitious', duplicate_of_open: 'Duplicate of an open case', repeat_with_new_matter: 'Repeat with new matter',
  received: 'Awaiting triage', referred_to_iopc: 'Referred to the IOPC', iopc_investigating: 'IOPC investigating', iopc_referred_back: 'Referred back by the IOPC',
  referred_back: 'Referred back by the IOPC', outcome_recorded: 'Outcome recorded',
};
export const label = (key: string) => LABELS[key] ?? (key.charAt(0).toUpperCase() + key.slice(1)).replace(/_/g, ' ');

export interface Table {
  id: string;
  caption: string;
  head: string[];
  rows: Array<Array<string | number>>;
}

export interface Figure {
  id: string;
  heading: string;
  chart: ChartModel;
  summary: string;
  table: Table;
}

const number = (n: number) => n.toLocaleString('en-GB');
const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : 'none');
const monthName = (month: string) => DateTime.fromISO(`${month}-01`).toFormat('LLLL yyyy');
const days = (n: number | null) => (n === null ? 'none met' : `${n} working day${n === 1 ? '' : 's'}`);

/** The three figures of the page and the report: each a chart, a summary in words and its table. */
export function statsFigures(f: StatsFigures): Figure[] {
  return [categoriesOverTime(f), deadlinePerformance(f), triageAgreement(f)];
}

function categoriesOverTime(f: StatsFigures): Figure {
  const keys = [...CATEGORIES, UNTRIAGED];
  const series = keys.map((key) => ({ key, label: label(key), style: CATEGORY_STYLES[key] }));
  const busiest = [...f.byMonth].sort((a, b) => b.cases - a.cases)[0];
  const top = [...CATEGORIES].sort((a, b) => f.byCategory[b] - f.byCategory[a])[0];
  const summary = f.cases
    ? `${number(f.cases)} complaints were received (${f.period.label}). The most common category in force was ${label(top).toLowerCase()}: ${number(f.byCategory[top])} (${percent(f.byCategory[top], f.cases)}). ` +
      `Criminal: ${number(f.byCategory.criminal)}. The busiest month was ${monthName(busiest.month)}, with ${number(busiest.cases)}.`
    : `No complaints were received (${f.period.label}).`;
  return {
    id: 'categories',
    heading: 'Cases by category, month by month',
    chart: stackedBarChart({
      id: 'chart-categories', title: 'Cases received each month, by category in force', orientation: 'vertical', series,
      bars: f.byMonth.map((m) => ({ key: m.month, label: DateTime.fromISO(`${m.month}-01`).toFormat('LLL yy'), values: m.byCategory })),
    }),
    summary,
    table: {
      id: 'table-categories',
      caption: 'Cases received each month, by category in force',
      head: ['Month', ...keys.map(label), 'Total'],
      rows: [
        ...f.byMonth.map((m) => [monthName(m.month), ...keys.map((k) => m.byCategory[k] ?? 0), m.cases]),
        ['All months', ...keys.map((k) => (k === UNTRIAGED ? f.awaitingTriage : f.byCategory[k])), f.cases],
      ],
    },
  };
}

function deadlinePerformance(f: StatsFigures): Figure {
  const series = DEADLINE_STATES.map((key) => ({ key, label: label(key), style: DEADLINE_STYLES[key] }));
  const ack = f.timeliness.acknowledgement;
  const referral = f.timeliness.iopc_referral;
  const onTime = (t: typeof ack) => (t.met + t.metLate + t.overdue ? ` (${percent(t.met, t.met + t.metLate + t.overdue)} on time)` : '');
  const summary =
    `Acknowledgements: ${number(ack.met)} met on time, ${number(ack.metLate)} late, ${number(ack.overdue)} overdue${onTime(ack)}. ` +
    `IOPC referrals, the statutory deadline: ${number(referral.met)} on time, ${number(referral.metLate)} late, ${number(referral.overdue)} overdue${onTime(referral)}. ` +
    `Median time to a recording decision: ${days(f.timeliness.recording_decision.medianWorkingDays)}.`;
  return {
    id: 'deadlines',
    heading: 'Deadlines met, late, open and overdue, by kind',
    chart: stackedBarChart({
      id: 'chart-deadlines', title: 'Deadlines by kind: met on time, met late, open, overdue and stopped', orientation: 'horizontal', series,
      bars: DEADLINE_KINDS.map((kind) => ({ key: kind, label: label(kind), values: Object.fromEntries(DEADLINE_STATES.map((s) => [s, f.timeliness[kind][s]])) })),
    }),
    summary,
    table: {
      id: 'table-deadlines',
      caption: 'Deadlines by kind, with the median working days from start to met',
      head: ['Deadline', ...DEADLINE_STATES.map(label), 'Median working days'],
      rows: DEADLINE_KINDS.map((kind) => [label(kind), ...DEADLINE_STATES.map((s) => f.timeliness[kind][s]), f.timeliness[kind].medianWorkingDays ?? '–']),
    },
  };
}

function triageAgreement(f: StatsFigures): Figure {
  const keys = ['confirmed', 'overridden', 'awaitingReview'] as const;
  const series = keys.map((key) => ({ key, label: label(key), style: AGREEMENT_STYLES[key] }));
  const versions = Object.entries(f.triageAgreement);
  const summary = versions.length
    ? versions
        .map(([version, a]) => `Rule set ${version} triaged ${number(a.triaged)}; officers reviewed ${number(a.confirmed + a.overridden)} and kept its category in ${number(a.confirmed)} (${percent(a.confirmed, a.confirmed + a.overridden)}).`)
        .join(' ')
    : 'No case received in this period has been triaged.';
  return {
    id: 'agreement',
    heading: 'Triage agreement, by rule-set version',
    chart: stackedBarChart({
      id: 'chart-agreement', title: 'Cases each rule-set version triaged: kept by officers, changed, not yet reviewed', orientation: 'horizontal', series,
      bars: versions.map(([version, a]) => ({ key: version, label: version, values: Object.fromEntries(keys.map((k) => [k, a[k]])) })),
    }),
    summary,
    table: {
      id: 'table-agreement',
      caption: 'Triage agreement by rule-set version (kept: of those officers reviewed)',
      head: ['Rule-set version', 'Triaged', ...keys.map(label), 'Kept'],
      rows: versions.map(([version, a]) => [version, a.triaged, a.confirmed, a.overridden, a.awaitingReview, percent(a.confirmed, a.confirmed + a.overridden)]),
    },
  };
}

/** The confusion tables, one per version: the version's category (rows) against the officers' final one. */
export function confusionTables(f: StatsFigures): Table[] {
  return Object.entries(f.triageAgreement)
    .filter(([, a]) => Object.keys(a.confusion).length)
    .map(([version, a], i) => ({
      id: `table-confusion-${i + 1}`,
      caption: `Rule set ${version}: its category (rows) against the officers’ final category (columns), reviewed cases`,
      head: ['Triage said', ...CATEGORIES.map(label)],
      rows: CATEGORIES.filter((c) => a.confusion[c]).map((c) => [label(c), ...CATEGORIES.map((final) => a.confusion[c][final])]),
    }));
}

/** The other counts as tables. */
export function countTables(f: StatsFigures): Table[] {
  const counts = (id: string, caption: string, what: string, values: Record<string, number>): Table => ({
    id, caption, head: [what, 'Cases'], rows: Object.entries(values).filter(([, n]) => n > 0).map(([k, n]) => [label(k), n]),
  });
  return [
    {
      id: 'table-referrals', caption: 'Referrals to the IOPC (statutory: by the end of the next working day)', head: ['Measure', 'Cases'],
      rows: [['Referred', f.iopcReferrals.referred], ...DEADLINE_STATES.map((s) => [label(s), f.iopcReferrals[s]] as [string, number]), ['Median working days', f.iopcReferrals.medianWorkingDays ?? '–']],
    },
    counts('table-outcomes', 'Outcomes and steps recorded (a case counts under each it had)', 'Outcome or step', f.byOutcome),
    counts('table-statuses', 'Where the cases stand now', 'Status', f.byStatus),
    counts('table-channels', 'How complaints arrived', 'Channel', f.byChannel),
    counts('table-roles', 'Whom complaints were about', 'Office holder', f.bySubjectRole),
    counts('table-triage-categories', 'Category given by the latest triage', 'Category', f.byTriageCategory),
    {
      id: 'table-other', caption: 'Withdrawals, repeats and erasures', head: ['Measure', 'Cases'],
      rows: [
        ['Withdrawn', f.withdrawals], ['Repeats of an earlier complaint', f.repeats.total], ...(['repetitious', 'duplicate_of_open', 'repeat_with_new_matter'] as const).map((k) => [`– ${label(k).toLowerCase()}`, f.repeats[k]] as [string, number]),
        ['Personal data erased', f.erasures.total], ['– at the complainant’s request', f.erasures.request], ['– at the end of the retention period', f.erasures.retention],
      ],
    },
  ];
}
