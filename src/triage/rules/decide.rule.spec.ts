import { decide, type StepVerdicts } from './decide.rule.js';
import type { ComplaintFacts, StepVerdict } from './rule.types.js';

const step = (verdict: string, findings: Record<string, unknown> = {}): StepVerdict => ({ verdict, evidence: [{ quote: `words for ${verdict}`, meaning: verdict }], findings });
const quiet: StepVerdicts = {
  remit: step('office_holder', { route: null, body: null }),
  criminal_allegation: step('none', { hints: [] }),
  vexatious: step('none'),
  repetition: step('none'),
  political: step('none'),
  conduct: step('none'),
};
const facts: ComplaintFacts = {
  summary: 's',
  details: 'd',
  subjectRole: 'pcc',
  subjectName: null,
  incidentDate: '2026-09-01',
  receivedAt: '2026-11-01T10:00:00.000Z',
  hasName: true,
  hasPostalAddress: true,
  earlierComplaints: [],
};
const decideWith = (changes: Partial<StepVerdicts>, moreFacts: Partial<ComplaintFacts> = {}) => decide({ ...quiet, ...changes }, { ...facts, ...moreFacts });
const force = step('force', { route: 'force', body: "the force's professional standards department" });

describe('decide', () => {
  it('puts a possible offence first, whatever else the complaint is', () => {
    const decision = decideWith({ criminal_allegation: step('alleged'), vexatious: step('vexatious'), remit: force, political: step('political') });
    expect(decision.category).toBe('criminal');
    expect(decision.needsReview).toBe(true);
  });

  it('chooses criminal when unsure, with a lower confidence and a review flag', () => {
    const decision = decideWith({ criminal_allegation: step('possible') });
    expect(decision).toMatchObject({ category: 'criminal', confidence: 0.55, needsReview: true });
  });

  it('ranks vexatious (and repetitious) above outside the remit, political and conduct', () => {
    expect(decideWith({ vexatious: step('vexatious'), remit: force, conduct: step('conduct') }).category).toBe('vexatious');
    expect(decideWith({ repetition: step('repetitious', { firstReference: 'PCC-1' }), conduct: step('conduct') }).category).toBe('vexatious');
  });

  it('treats abuse as vexatious only when nothing is alleged', () => {
    expect(decideWith({ vexatious: step('abusive') }).category).toBe('vexatious');
    const withConduct = decideWith({ vexatious: step('abusive'), conduct: step('conduct') });
    expect(withConduct.category).toBe('conduct');
    expect(withConduct.needsReview).toBe(true);
  });

  it('redirects outside the remit before political, naming the route', () => {
    const decision = decideWith({ remit: force, political: step('political') });
    expect(decision.category).toBe('non_policing');
    expect(decision.findings).toMatchObject({ route: 'force', body: "the force's professional standards department" });
  });

  it('routes an offence described against police officers to the force', () => {
    const decision = decideWith({ criminal_allegation: step('against_others', { againstParty: 'police' }) });
    expect(decision).toMatchObject({ category: 'non_policing', findings: { route: 'force' } });
  });

  it('makes political disagreement with a genuine conduct allegation a conduct complaint', () => {
    expect(decideWith({ political: step('political') }).category).toBe('political');
    expect(decideWith({ political: step('political'), conduct: step('conduct') }).category).toBe('conduct');
  });

  it('falls back to conduct for review when nothing matched, or to criminal when there are signs of an offence', () => {
    expect(decideWith({})).toMatchObject({ category: 'conduct', confidence: 0.3, needsReview: true });
    expect(decideWith({ criminal_allegation: step('none', { hints: ['forged'] }) })).toMatchObject({ category: 'criminal', needsReview: true });
  });

  it('links a duplicate of an open case and gives it as a reg 15 ground', () => {
    const decision = decideWith({ conduct: step('conduct'), repetition: step('duplicate_of_open', { duplicateOf: 'PCC-OPEN' }) });
    expect(decision.category).toBe('conduct');
    expect(decision.findings.duplicateOf).toBe('PCC-OPEN');
    expect(decision.reg15Grounds.map((g) => g.ground)).toContain('already the subject of another complaint');
  });

  it('flags the reg 15 grounds it can see', () => {
    const late = decideWith({ conduct: step('conduct') }, { incidentDate: '2025-10-31', hasName: false, hasPostalAddress: false });
    expect(late.reg15Grounds.map((g) => g.ground)).toEqual(['made more than 12 months after the incident', 'no name and address given']);
    expect(decideWith({ conduct: step('conduct') }, { incidentDate: '2025-11-01' }).reg15Grounds).toEqual([]);
    const staff = decideWith({ conduct: step('conduct', { towardsOwnStaff: true }) });
    expect(staff.reg15Grounds.map((g) => g.ground)).toEqual(["about conduct towards a member of the office holder's own staff"]);
  });

  it('explains itself in the words of the leading step', () => {
    const decision = decideWith({ conduct: step('conduct') });
    expect(decision.evidence[0]).toEqual({ quote: 'words for conduct', meaning: 'conduct: it alleges misconduct by the office holder' });
    expect(decision.confidence).toBeGreaterThan(0.8);
    expect(decision.needsReview).toBe(false);
  });
});
