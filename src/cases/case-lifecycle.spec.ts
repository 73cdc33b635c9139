import { allowedMoves, checkMove, MOVES, OUTCOME_KINDS } from './case-lifecycle.js';
import { CASE_STATUSES } from './case-status.js';

describe('case lifecycle', () => {
  it('sends a criminal case to the IOPC, meeting the referral and recording deadlines', () => {
    const check = checkMove('referred_to_iopc', 'triaged', 'criminal');
    expect(check.allowed).toBe(true);
    expect(check.allowed && check.move.to).toBe('referred_to_iopc');
    expect(check.allowed && check.move.meets).toEqual(['iopc_referral', 'recording_decision']);
  });

  it('refuses an IOPC referral of a political case, saying why', () => {
    const check = checkMove('referred_to_iopc', 'triaged', 'political');
    expect(check).toEqual({ allowed: false, why: expect.stringContaining('not for a political case') });
  });

  it('keeps a serious complaint out of informal resolution and disapplication until the IOPC refers it back', () => {
    expect(checkMove('informal_resolution_started', 'triaged', 'criminal').allowed).toBe(false);
    expect(checkMove('disapplied', 'triaged', 'criminal').allowed).toBe(false);
    expect(checkMove('informal_resolution_started', 'referred_back', 'criminal').allowed).toBe(true);
    expect(checkMove('disapplied', 'referred_back', 'criminal').allowed).toBe(true);
    expect(allowedMoves('triaged', 'criminal')).toContain('referred_to_iopc');
  });

  it('lets nothing but withdrawal happen before triage', () => {
    expect(allowedMoves('received', null)).toEqual(['acknowledged', 'withdrawn']);
    expect(checkMove('redirected', 'received', null)).toEqual({ allowed: false, why: expect.stringContaining('awaiting triage') });
  });

  it('takes informal resolution through comments to a recorded outcome, then closes', () => {
    expect(checkMove('informal_resolution_started', 'triaged', 'conduct').allowed).toBe(true);
    expect(checkMove('comments_invited', 'informal_resolution', 'conduct').allowed).toBe(true);
    expect(checkMove('informal_resolution_concluded', 'comments_invited', 'conduct').allowed).toBe(true);
    expect(checkMove('closed', 'outcome_recorded', 'conduct').allowed).toBe(true);
  });

  it('allows withdrawal from every open state and from no ended one', () => {
    for (const status of CASE_STATUSES) {
      const open = !['outcome_recorded', 'disapplied', 'not_recorded', 'redirected', 'withdrawn', 'closed'].includes(status);
      expect(checkMove('withdrawn', status, 'conduct').allowed).toBe(open);
    }
  });

  it('never leads anywhere from a closed or withdrawn case', () => {
    for (const kind of OUTCOME_KINDS) {
      expect(checkMove(kind, 'closed', 'conduct').allowed).toBe(false);
      expect(checkMove(kind, 'withdrawn', 'conduct').allowed).toBe(false);
    }
  });

  it('only leads to statuses that exist', () => {
    for (const move of Object.values(MOVES)) if (move.to) expect(CASE_STATUSES).toContain(move.to);
  });
});
