import { analyseComplaint } from '../language/analysis.js';
import type { ModelOpinion } from '../model/triage-model.js';
import { decide } from './decide.rule.js';
import type { ComplaintFacts, StepVerdict, StepVerdicts } from './rule.types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const step = (verdict: string, findings: Record<string, unknown> = {}): StepVerdict<any> => ({ verdict, evidence: [{ quote: `words for ${verdict}`, meaning: verdict }], findings });
const analysis = analyseComplaint('s', 'd', null);
const opinion = (label: ModelOpinion['label'], p: number, criminal = 0.05): StepVerdict<'model'> => ({
  verdict: label,
  evidence: [],
  findings: { label, probabilities: { criminal, conduct: 0, vexatious: 0, political: 0, non_policing: 0, [label]: p }, criminal: label === 'criminal' ? p : criminal, criminalThreshold: 0.3 },
});
const quiet: StepVerdicts = {
  analyse: { verdict: 'en', evidence: [], findings: analysis },
  remit: step('office_holder', { route: null, body: null }),
  criminal_allegation: step('none', { hints: [], offences: [], score: 0 }),
  vexatious: step('none'),
  repetition: step('none'),
  political: step('none'),
  conduct: step('none'),
  model: step('unavailable', { unavailable: true }),
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
  analysis,
};
const decideWith = (changes: Partial<StepVerdicts>, moreFacts: Partial<ComplaintFacts> = {}) => decide({ ...quiet, ...changes }, { ...facts, ...moreFacts });
const force = step('force', { route: 'force', body: "the force's professional standards department" });

describe('decide', () => {
  it('puts a possible offence first, whatever else the complaint is', () => {
    const decision = decideWith({ criminal_allegation: step('alleged', { score: 3, offences: [] }), vexatious: step('vexatious'), remit: force, political: step('political') });
    expect(decision.category).toBe('criminal');
    expect(decision.needsReview).toBe(true);
  });

  it('chooses criminal when unsure, with a lower confidence and a review flag', () => {
    const decision = decideWith({ criminal_allegation: step('possible', { score: 2, offences: [] }) });
    expect(decision).toMatchObject({ category: 'criminal', needsReview: true, possibleOffence: true });
    expect(decision.reviewReasons).toContain('possible_offence');
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
    const decision = decideWith({ criminal_allegation: step('against_others', { againstParty: 'police', offences: [] }) });
    expect(decision).toMatchObject({ category: 'non_policing', findings: { route: 'force' } });
  });

  it('makes political disagreement with a genuine conduct allegation a conduct complaint', () => {
    expect(decideWith({ political: step('political') }).category).toBe('political');
    expect(decideWith({ political: step('political'), conduct: step('conduct') }).category).toBe('conduct');
  });

  it("never defaults silently: with nothing matched the model's label stands, marked low confidence", () => {
    expect(decideWith({})).toMatchObject({ category: 'conduct', confidence: 0.3, reviewReasons: ['low_confidence'] });
    const unsure = decideWith({ model: opinion('political', 0.6) });
    expect(unsure).toMatchObject({ category: 'political', confidence: 0.5, reviewReasons: ['low_confidence'] });
    const sure = decideWith({ model: opinion('political', 0.8) });
    expect(sure).toMatchObject({ category: 'political', confidence: 0.5, reviewReasons: [] });
    expect(sure.evidence[0].meaning).toContain('no rule matched clearly');
  });

  it('asks for a review when the model disagrees with confidence, and keeps the possible-offence flag on a model suspicion', () => {
    expect(decideWith({ conduct: step('conduct'), model: opinion('political', 0.8) }).reviewReasons).toEqual(['rules_and_model_disagree']);
    // a model at least 90% sure settles it: its label stands, and the evidence says the rules differed
    const settled = decideWith({ conduct: step('conduct'), model: opinion('political', 0.95) });
    expect(settled).toMatchObject({ category: 'political', reviewReasons: [] });
    expect(decideWith({ conduct: step('conduct'), model: opinion('political', 0.6) }).reviewReasons).toEqual([]);
    const suspected = decideWith({ conduct: step('conduct'), model: opinion('conduct', 0.6, 0.35) });
    expect(suspected).toMatchObject({ category: 'conduct', possibleOffence: true, reviewReasons: ['possible_offence'] });
  });

  it('makes a repeat with nothing new vexatious even while the first case is open, linked to it, naming the first', () => {
    const decision = decideWith({ conduct: step('conduct'), repetition: step('repetitious', { firstReference: 'PCC-FIRST', duplicateOf: 'PCC-FIRST' }) });
    expect(decision.category).toBe('vexatious');
    expect(decision.findings.duplicateOf).toBe('PCC-FIRST');
    expect(decision.evidence.map((e) => e.meaning).join(' ')).toContain('PCC-FIRST');
    expect(decision.reg15Grounds.map((g) => g.ground)).toContain('already the subject of another complaint');
  });

  it('does not guess at a complaint it cannot read', () => {
    const welsh = decideWith({ analyse: { verdict: 'not_english', evidence: [], findings: { ...analysis, language: 'not_english' } } });
    expect(welsh.reviewReasons).toContain('not_english');
    expect(welsh.confidence).toBe(0);
    const empty = decideWith({ analyse: { verdict: 'empty', evidence: [], findings: { ...analysis, language: 'empty' } } });
    expect(empty.reviewReasons).toContain('empty');
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
