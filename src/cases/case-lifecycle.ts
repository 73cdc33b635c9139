import type { Category } from '../complaints/complaint-categories.js';
import type { DeadlineKind } from '../deadlines/deadline.entity.js';
import type { CaseStatus } from './case-status.js';

/** What an officer can record on a case: a statutory step, or a step of the case's lifecycle. */
export const OUTCOME_KINDS = [
  'acknowledged',
  'referred_to_iopc',
  'iopc_investigating',
  'iopc_referred_back',
  'informal_resolution_started',
  'comments_invited',
  'informal_resolution_concluded',
  'disapplied',
  'not_recorded',
  'redirected',
  'withdrawn',
  'closed',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'received', 'triaged', 'referred_to_iopc', 'iopc_investigating', 'referred_back', 'informal_resolution', 'comments_invited',
];
const ENDED: readonly CaseStatus[] = ['outcome_recorded', 'disapplied', 'not_recorded', 'redirected'];

interface Allowed {
  /** States the move may start from... */
  from: readonly CaseStatus[];
  /** ...when one of these categories is in force; absent = any. */
  categories?: readonly Category[];
}

interface Move {
  /** Where the move is allowed; any one of these. */
  when: readonly Allowed[];
  /** The new status; absent = the status stays (e.g. an acknowledgement). */
  to?: CaseStatus;
  /** Deadlines the move meets. "all" = every open deadline stops. */
  meets: readonly DeadlineKind[] | 'all';
  /** Deadlines the move starts. */
  starts?: readonly DeadlineKind[];
  /** The regulation or protocol behind it, shown when a move is refused. */
  basis: string;
}

/**
 * The statutory case lifecycle (docs/domain notes, regs 9-16, 27-28). Each move says where it may start, for which
 * categories, where it leads and which deadlines it meets. Anything not listed is refused with 409.
 */
export const MOVES: Record<OutcomeKind, Move> = {
  acknowledged: { when: [{ from: OPEN_STATUSES }], meets: ['acknowledgement'], basis: 'acknowledge the complaint (panel protocol)' },
  referred_to_iopc: {
    when: [{ from: ['triaged', 'informal_resolution', 'comments_invited'], categories: ['criminal'] }],
    to: 'referred_to_iopc',
    meets: ['iopc_referral', 'recording_decision'],
    basis: 'a serious complaint is referred to the IOPC (reg 13)',
  },
  iopc_investigating: { when: [{ from: ['referred_to_iopc'] }], to: 'iopc_investigating', meets: [], basis: 'the IOPC decides to investigate' },
  iopc_referred_back: {
    when: [{ from: ['referred_to_iopc', 'iopc_investigating'] }],
    to: 'referred_back',
    meets: [],
    basis: 'the IOPC refers the matter back to the panel',
  },
  informal_resolution_started: {
    when: [{ from: ['triaged'], categories: ['conduct'] }, { from: ['referred_back'] }],
    to: 'informal_resolution',
    meets: ['recording_decision'],
    starts: ['informal_resolution'],
    basis: 'a recorded conduct complaint goes to informal resolution (regs 27-28); a serious one only after the IOPC refers it back',
  },
  comments_invited: { when: [{ from: ['informal_resolution'] }], to: 'comments_invited', meets: [], basis: 'both sides are invited to comment (reg 28)' },
  informal_resolution_concluded: {
    when: [{ from: ['informal_resolution', 'comments_invited'] }],
    to: 'outcome_recorded',
    meets: ['informal_resolution'],
    basis: 'the outcome of informal resolution is recorded and sent to both sides (reg 28)',
  },
  disapplied: {
    when: [{ from: ['triaged'], categories: ['vexatious', 'conduct'] }, { from: ['referred_back'] }],
    to: 'disapplied',
    meets: ['recording_decision'],
    basis: 'the panel disapplies the procedure on a reg 15 ground (a serious complaint only after the IOPC refers it back)',
  },
  not_recorded: {
    when: [{ from: ['triaged'], categories: ['political', 'non_policing', 'vexatious'] }],
    to: 'not_recorded',
    meets: ['recording_decision'],
    basis: 'not a conduct complaint, so not recorded; the complainant is told why (regs 9-10)',
  },
  redirected: {
    when: [{ from: ['triaged'], categories: ['non_policing'] }],
    to: 'redirected',
    meets: ['recording_decision'],
    basis: 'outside the panel’s remit: sent to the body responsible',
  },
  withdrawn: { when: [{ from: OPEN_STATUSES }], to: 'withdrawn', meets: 'all', basis: 'the complainant withdraws in writing (reg 16)' },
  closed: { when: [{ from: [...ENDED, 'iopc_investigating'] }], to: 'closed', meets: 'all', basis: 'the case is closed' },
};

export type MoveCheck = { allowed: true; move: Move } | { allowed: false; why: string };

/** Whether an outcome may be recorded on a case in this status with this category in force. */
export function checkMove(kind: OutcomeKind, status: CaseStatus, category: Category | null): MoveCheck {
  const move = MOVES[kind];
  const fromHere = move.when.filter((w) => w.from.includes(status));
  if (!fromHere.length) {
    const why = status === 'received' ? 'the case is still awaiting triage' : `a case that is ${status.replace(/_/g, ' ')} cannot move this way`;
    return { allowed: false, why: `${why} (${move.basis})` };
  }
  if (!fromHere.some((w) => !w.categories || (category !== null && w.categories.includes(category)))) {
    return { allowed: false, why: `not for a ${category ?? 'untriaged'} case in this state: ${move.basis}` };
  }
  return { allowed: true, move };
}

/** The outcomes an officer may record now, for the case page's form. */
export const allowedMoves = (status: CaseStatus, category: Category | null): OutcomeKind[] =>
  OUTCOME_KINDS.filter((kind) => checkMove(kind, status, category).allowed);
