import { OUTCOME_KINDS } from '../cases/case-lifecycle.js';
import { CASE_STATUSES } from '../cases/case-status.js';
import { CATEGORIES, CHANNELS, SUBJECT_ROLES } from '../complaints/complaint-categories.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../deadlines/deadline.entity.js';
import { MEASURE as M } from './stats-measures.js';
import type { StatsPeriod } from './stats-period.js';

export const REPEAT_VERDICTS = ['repetitious', 'duplicate_of_open', 'repeat_with_new_matter'] as const;
export const DEADLINE_STATES = ['met', 'metLate', 'open', 'overdue', 'stopped'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const UNTRIAGED = 'awaiting_triage';

/** A row of the summary, summed over the period (see StatsService). */
export interface SummaryRow {
  measure: string;
  k1: string;
  k2: string;
  k3: string;
  month: string;
  n: number;
}

export type Timeliness = Record<DeadlineState, number> & { medianWorkingDays: number | null };

export interface Agreement {
  triaged: number;
  /** Reviewed by officers, who kept this version's category. */
  confirmed: number;
  /** Reviewed by officers, whose final category differs from this version's. */
  overridden: number;
  awaitingReview: number;
  /** Of the reviewed: this version's category → the officers' final category → cases. */
  confusion: Record<string, Record<string, number>>;
}

export interface MonthFigures {
  month: string;
  cases: number;
  byCategory: Record<string, number>;
}

export interface StatsFigures {
  period: StatsPeriod;
  generatedAt: string;
  cases: number;
  awaitingTriage: number;
  overdue: number;
  byCategory: Record<string, number>;
  byTriageCategory: Record<string, number>;
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
  byChannel: Record<string, number>;
  bySubjectRole: Record<string, number>;
  withdrawals: number;
  repeats: Record<(typeof REPEAT_VERDICTS)[number] | 'total', number>;
  iopcReferrals: Timeliness & { referred: number };
  timeliness: Record<DeadlineKind, Timeliness>;
  triageAgreement: Record<string, Agreement>;
  overridesByRulesetVersion: Record<string, { applied: number; pending: number; rejected: number; superseded: number }>;
  /** Cases received in the period whose personal data has been erased, by what first erased it. */
  erasures: { request: number; retention: number; total: number };
  byMonth: MonthFigures[];
}

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));

/** The median of a histogram of whole numbers (value → how many); the mean of the middle two when even. */
export function histogramMedian(histogram: Map<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [value, n] of values) if ((seen += n) > rank) return value;
    return values.at(-1)![0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Months from the first to the last, as YYYY-MM. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let [y, m] = first.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/** Turns the period's summary rows into the figures. `months` lists the months to show (empty ones included). */
export function shapeFigures(rows: SummaryRow[], period: StatsPeriod, months: string[], generatedAt: Date): StatsFigures {
  const sum = (measure: string, k1?: string) => rows.filter((r) => r.measure === measure && (k1 === undefined || r.k1 === k1)).reduce((s, r) => s + r.n, 0);
  const counted = (measure: string, keys: readonly string[]) => {
    const result = zeros(keys);
    for (const r of rows) if (r.measure === measure) result[r.k1] = (result[r.k1] ?? 0) + r.n;
    return result;
  };
  const timeliness = Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, timelinessOf(rows, kind)])) as Record<DeadlineKind, Timeliness>;
  const byMonth = months.map((month) => {
    const inMonth = rows.filter((r) => r.month === month);
    const cases = inMonth.filter((r) => r.measure === M.cases).reduce((s, r) => s + r.n, 0);
    const byCategory = zeros(CATEGORIES);
    for (const r of inMonth) if (r.measure === M.category) byCategory[r.k1] = (byCategory[r.k1] ?? 0) + r.n;
    byCategory[UNTRIAGED] = cases - Object.values(byCategory).reduce((s, n) => s + n, 0);
    return { month, cases, byCategory };
  });
  const repeated = counted(M.repeat, REPEAT_VERDICTS);
  const repeats = { ...repeated, total: sum(M.repeat) } as StatsFigures['repeats'];
  const byOutcome = counted(M.outcome, OUTCOME_KINDS);
  return {
    period,
    generatedAt: generatedAt.toISOString(),
    cases: sum(M.cases),
    awaitingTriage: sum(M.status, 'received'),
    overdue: sum(M.nextDue, 'overdue'),
    byCategory: counted(M.category, CATEGORIES),
    byTriageCategory: counted(M.triageCategory, CATEGORIES),
    byStatus: counted(M.status, CASE_STATUSES),
    byOutcome,
    byChannel: counted(M.channel, CHANNELS),
    bySubjectRole: counted(M.subjectRole, SUBJECT_ROLES),
    withdrawals: byOutcome.withdrawn,
    repeats,
    iopcReferrals: { referred: byOutcome.referred_to_iopc, ...timeliness.iopc_referral },
    timeliness,
    triageAgreement: agreementOf(rows),
    overridesByRulesetVersion: overridesOf(rows),
    erasures: { request: sum(M.erased, 'request'), retention: sum(M.erased, 'retention'), total: sum(M.erased) },
    byMonth,
  };
}

function timelinessOf(rows: SummaryRow[], kind: string): Timeliness {
  const result: Timeliness = { ...(zeros(DEADLINE_STATES) as Record<DeadlineState, number>), medianWorkingDays: null };
  const days = new Map<number, number>();
  for (const r of rows) {
    if (r.k1 !== kind) continue;
    if (r.measure === M.deadline) result[r.k2 === 'met_late' ? 'metLate' : (r.k2 as DeadlineState)] += r.n;
    if (r.measure === M.deadlineDays) days.set(Number(r.k2), (days.get(Number(r.k2)) ?? 0) + r.n);
  }
  result.medianWorkingDays = histogramMedian(days);
  return result;
}

/** Rule-set versions in numeric order (3.0.0 before 10.0.0); one collator, as localeCompare with options builds one per call. */
const byVersion = new Intl.Collator('en', { numeric: true });

function agreementOf(rows: SummaryRow[]): Record<string, Agreement> {
  const versions: Record<string, Agreement> = {};
  for (const r of rows.filter((row) => row.measure === M.agreement).sort((a, b) => byVersion.compare(a.k1, b.k1))) {
    const v = (versions[r.k1] ??= { triaged: 0, confirmed: 0, overridden: 0, awaitingReview: 0, confusion: {} });
    v.triaged += r.n;
    if (!r.k3) {
      v.awaitingReview += r.n;
      continue;
    }
    if (r.k2 === r.k3) v.confirmed += r.n;
    else v.overridden += r.n;
    const row = (v.confusion[r.k2] ??= zeros(CATEGORIES));
    row[r.k3] += r.n;
  }
  return versions;
}

function overridesOf(rows: SummaryRow[]): StatsFigures['overridesByRulesetVersion'] {
  const versions: StatsFigures['overridesByRulesetVersion'] = {};
  for (const r of rows.filter((row) => row.measure === M.override)) {
    const v = (versions[r.k1] ??= { applied: 0, pending: 0, rejected: 0, superseded: 0 });
    v[r.k2 as keyof typeof v] += r.n;
  }
  return versions;
}
