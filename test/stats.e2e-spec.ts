import { parse } from 'csv-parse/sync';
import { StatsRollupService } from '../src/stats/stats-rollup.service.js';
import { api } from './helpers/http.js';
import { buildStatsWorld, londonToday, OLD_VERSION, type StatsWorld } from './helpers/stats-fixture.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Every figure of the statistics for a known set of cases (test/helpers/stats-fixture.ts), worked out by hand.
 * Working days count from the day a deadline started to the day it was met, on the England and Wales calendar.
 */
const FY_2025_26 = {
  cases: 9,
  awaitingTriage: 0,
  overdue: 4, // H2 (acknowledgement), H3 (everything), H8 (a repeat nobody looked at), H9 (acknowledgement, recording)
  byCategory: { criminal: 3, conduct: 2, vexatious: 1, political: 3, non_policing: 0 },
  byTriageCategory: { criminal: 4, conduct: 2, vexatious: 1, political: 2, non_policing: 0 },
  byChannel: { web: 0, api: 0, letter: 4, email: 3, phone: 1, in_person: 1 },
  bySubjectRole: { pcc: 7, deputy_pcc: 1, mayor: 1 },
  byStatus: { referred_to_iopc: 2, triaged: 3, outcome_recorded: 1, not_recorded: 2, withdrawn: 1, received: 0, closed: 0 },
  byOutcome: {
    acknowledged: 4, referred_to_iopc: 2, informal_resolution_started: 1, informal_resolution_concluded: 1, not_recorded: 2, withdrawn: 1,
    iopc_investigating: 0, iopc_referred_back: 0, comments_invited: 0, disapplied: 0, redirected: 0, closed: 0,
  },
  withdrawals: 1,
  repeats: { total: 1, repetitious: 1, duplicate_of_open: 0, repeat_with_new_matter: 0 },
  iopcReferrals: { referred: 2, met: 1, metLate: 1, open: 0, overdue: 1, stopped: 1, medianWorkingDays: 2 },
  timeliness: {
    // H1 2, H4 6 (late), H5 1, H7 1 → median of 1, 1, 2, 6 is 1.5; H2, H3, H8, H9 overdue; H6 withdrawn
    acknowledgement: { met: 3, metLate: 1, open: 0, overdue: 4, stopped: 1, medianWorkingDays: 1.5 },
    // H1 1, H2 3, H4 10 (on its due day), H5 4, H7 5 → median 4
    recording_decision: { met: 5, metLate: 0, open: 0, overdue: 3, stopped: 1, medianWorkingDays: 4 },
    // H1 the next working day, H2 three days on; H3 never; H9 taken off the criminal route
    iopc_referral: { met: 1, metLate: 1, open: 0, overdue: 1, stopped: 1, medianWorkingDays: 2 },
    // H4: 15 September to 12 November, two working days after its due day
    informal_resolution: { met: 0, metLate: 1, open: 0, overdue: 0, stopped: 0, medianWorkingDays: 42 },
  },
  overrides: { applied: 2, pending: 0, rejected: 1, superseded: 0 },
};

describe('statistics: every figure for a known set of cases', () => {
  let t: TestApp;
  let w: StatsWorld;
  const stats = (query: string, token = w.auditor) => api(t.baseUrl, 'GET', `/api/stats${query}`, { token });

  beforeAll(async () => {
    t = await startTestApp({ STATS_REFRESH_SECONDS: '0' });
    w = await buildStatsWorld(t);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('counts financial year 2025-26 right, figure by figure', async () => {
    const { status, body } = await stats('?year=2025-26');
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: '2025-04-01', to: '2026-03-31', label: 'financial year 2025-26 (1 April 2025 to 31 March 2026)' });
    const { overrides, ...figures } = FY_2025_26;
    expect(body).toMatchObject(figures);
    expect(body.overridesByRulesetVersion).toEqual({ [w.rulesetVersion]: overrides });
    expect(body.triageAgreement).toEqual({
      [OLD_VERSION]: {
        triaged: 4, confirmed: 2, overridden: 1, awaitingReview: 1, // H4 and H5 kept, H1 (conduct) was criminal, H6 withdrawn unreviewed
        confusion: {
          conduct: { criminal: 1, conduct: 1, vexatious: 0, political: 0, non_policing: 0 },
          political: { criminal: 0, conduct: 0, vexatious: 0, political: 1, non_policing: 0 },
        },
      },
      [w.rulesetVersion]: {
        triaged: 9, confirmed: 4, overridden: 2, awaitingReview: 3, // H5 and H9 changed; H3, H6 and H8 not yet decided
        confusion: {
          criminal: { criminal: 2, conduct: 1, vexatious: 0, political: 0, non_policing: 0 },
          conduct: { criminal: 0, conduct: 1, vexatious: 0, political: 1, non_policing: 0 },
          political: { criminal: 0, conduct: 0, vexatious: 0, political: 1, non_policing: 0 },
        },
      },
    });
    const months = body.byMonth.map((m: { month: string; cases: number }) => `${m.month} ${m.cases}`);
    expect(months).toEqual(['2025-04 0', '2025-05 0', '2025-06 3', '2025-07 0', '2025-08 0', '2025-09 2', '2025-10 0', '2025-11 0', '2025-12 1', '2026-01 1', '2026-02 1', '2026-03 1']);
    expect(body.byMonth[2].byCategory).toEqual({ criminal: 3, conduct: 0, vexatious: 0, political: 0, non_policing: 0, awaiting_triage: 0 });
    expect(body.byMonth[5].byCategory).toMatchObject({ conduct: 1, political: 1 });
  });

  it('takes quarters, dates and London days', async () => {
    const q3 = (await stats('?quarter=2025-Q3')).body;
    expect(q3.period).toMatchObject({ from: '2025-07-01', to: '2025-09-30' });
    expect(q3).toMatchObject({ cases: 2, byCategory: { conduct: 1, political: 1 } });
    const day = (await stats('?from=2025-06-02&to=2025-06-02')).body; // H3 came at 00:30 London time
    expect(day).toMatchObject({ cases: 3, byChannel: { letter: 1, email: 1, phone: 1 } });
    expect((await stats('?to=2025-06-01')).body.cases).toBe(0);
    const today = londonToday();
    const recent = (await stats(`?from=${today}`)).body;
    expect(recent).toMatchObject({ cases: 2, byChannel: { api: 2 }, byCategory: { conduct: 2 } });
    expect(recent.timeliness.acknowledgement).toMatchObject({ met: 1, open: 1, overdue: 0, medianWorkingDays: 0 });
    expect(recent.timeliness.recording_decision).toMatchObject({ open: 2, met: 0 });
    const all = (await stats('')).body;
    expect(all).toMatchObject({ cases: 11, overdue: 4, period: { from: null, to: null } });
  });

  it('answers a bad period with a 400 naming the field', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?from=2026-02-30', /^from must be a real date/],
      ['?to=yesterday', /^to must be a real date/],
      ['?from=2026-05-01&to=2026-04-01', /^to must be the same as or after from/],
      ['?year=2026-28', /^year must be a financial year like 2026-27/],
      ['?year=2026', /^year must be a financial year/],
      ['?quarter=2026-Q5', /^quarter must be a year and quarter like 2026-Q3/],
      ['?quarter=2026-Q1&from=2026-01-01', /^quarter cannot be combined with from/],
      ['?colour=blue', /colour should not exist/],
    ];
    for (const [query, message] of cases) {
      const response = await stats(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.message[0]).toMatch(message);
    }
    expect((await api(t.baseUrl, 'GET', '/api/stats.csv?year=2026-28', { token: w.auditor })).status).toBe(400);
  });

  it('gives the same figures as CSV, one a line', async () => {
    const response = await fetch(`${t.baseUrl}/api/stats.csv?year=2025-26`, { headers: { authorization: `Bearer ${w.officerA}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistics-2025-04-01-to-2026-03-31.csv"');
    const rows = parse(await response.text(), { columns: true }) as Array<{ section: string; group: string; measure: string; value: string }>;
    const value = (section: string, group: string, measure: string) => rows.find((r) => r.section === section && r.group === group && r.measure === measure)?.value;
    const json = (await stats('?year=2025-26')).body;
    // Every figure of the JSON is a line of the CSV, with the same value.
    type Line = [string, string, string, unknown];
    const entries = (section: string, group: string, values: object): Line[] => Object.entries(values).map(([k, v]) => [section, group, k, v]);
    const flat: Line[] = [
      ...entries('cases', '', { cases: json.cases, awaitingTriage: json.awaitingTriage, overdue: json.overdue, withdrawals: json.withdrawals }),
      ...['byCategory', 'byTriageCategory', 'byStatus', 'byOutcome', 'byChannel', 'bySubjectRole', 'repeats', 'erasures', 'iopcReferrals'].flatMap((section) => entries(section, '', json[section])),
      ...Object.entries(json.timeliness).flatMap(([kind, t]) => entries('timeliness', kind, t as object)),
      ...Object.entries(json.triageAgreement).flatMap(([version, a]) => {
        const { confusion, ...counts } = a as { confusion: Record<string, Record<string, number>> };
        return [...entries('triageAgreement', version, counts), ...Object.entries(confusion).flatMap(([from, to]) => Object.entries(to).map(([final, n]): Line => ['triageAgreement', version, `confusion ${from} → ${final}`, n]))];
      }),
      ...Object.entries(json.overridesByRulesetVersion).flatMap(([version, o]) => entries('overridesByRulesetVersion', version, o as object)),
      ...json.byMonth.flatMap((m: { month: string; byCategory: object }) => entries('byMonth', m.month, m.byCategory)),
    ];
    expect(flat.length).toBeGreaterThan(150);
    for (const [section, group, measure, expected] of flat) expect([section, group, measure, value(section, group, measure)]).toEqual([section, group, measure, expected === null ? '' : String(expected)]);
    expect(rows.length).toBe(flat.length + 4); // and nothing else but the period's four lines
    expect(value('timeliness', 'acknowledgement', 'medianWorkingDays')).toBe('1.5');
    expect(value('triageAgreement', w.rulesetVersion, 'overridden')).toBe('2');
    expect(value('triageAgreement', OLD_VERSION, 'confusion conduct → criminal')).toBe('1');
    expect(value('byMonth', '2025-06', 'criminal')).toBe('3');
    expect(value('period', '', 'from')).toBe('2025-04-01');
  });

  it('shows a change made through the API at once, and the summary always equals a rebuild from the cases', async () => {
    const rollup = t.app.get(StatsRollupService);
    const before = (await stats('?year=2025-26')).body;
    const outcome = await api(t.baseUrl, 'POST', `/api/cases/${w.refs.H8}/outcome`, { token: w.officerA, body: { kind: 'disapplied', notes: 'repetitious (reg 15)' } });
    expect(outcome.status).toBe(200);
    const after = (await stats('?year=2025-26')).body; // no refresher runs in this app: the request caught up itself
    expect(after.byOutcome.disapplied).toBe(before.byOutcome.disapplied + 1);
    expect(after.timeliness.recording_decision.metLate).toBe(1);
    expect(after.timeliness.recording_decision.overdue).toBe(2);
    expect(after.triageAgreement[w.rulesetVersion]).toMatchObject({ confirmed: 5, awaitingReview: 2 });

    // Changes and catch-ups racing each other, and the log read again from the start, change nothing.
    await Promise.all([
      api(t.baseUrl, 'POST', `/api/cases/${w.refs.R1}/outcome`, { token: w.officerA, body: { kind: 'acknowledged', notes: 'by phone' } }),
      api(t.baseUrl, 'POST', `/api/cases/${w.refs.H3}/outcome`, { token: w.officerA, body: { kind: 'referred_to_iopc', notes: 'at last' } }),
      api(t.baseUrl, 'POST', `/api/cases/${w.refs.H9}/outcome`, { token: w.officerB, body: { kind: 'acknowledged', notes: 'late' } }),
      ...Array.from({ length: 4 }, () => rollup.catchUp()),
      stats('?year=2025-26'),
      stats(''),
    ]);
    const summary = async () => (await t.db.query(`SELECT day::text, measure, k1, k2, k3, n FROM stats_daily ORDER BY 1, 2, 3, 4, 5`)) as unknown[];
    await rollup.catchUp();
    const incremental = await summary();
    await t.db.query(`UPDATE stats_state SET last_sequence = 0`);
    await rollup.catchUp();
    expect(await summary()).toEqual(incremental);
    await rollup.rebuildAll();
    expect(await summary()).toEqual(incremental);
    const now = (await stats('?year=2025-26')).body;
    expect(now.iopcReferrals).toMatchObject({ referred: 3, metLate: 2, overdue: 0 });
  });

  it('keeps every figure when the complainants’ personal data and the complaints’ words are erased', async () => {
    const before = (await stats('')).body;
    await t.db.query(`UPDATE complainants SET name = 'erased', email = 'erased', phone = NULL, postal_address = NULL, email_key = 'erased', name_key = 'erased', address_key = NULL`);
    await t.db.query(`UPDATE complaints SET summary = 'erased', details = 'erased', subject_name = NULL`);
    await t.app.get(StatsRollupService).rebuildAll();
    const after = (await stats('')).body;
    expect({ ...after, generatedAt: null }).toEqual({ ...before, generatedAt: null });
  });

  it('lets officers, auditors and admins read the figures, nobody else', async () => {
    expect((await api(t.baseUrl, 'GET', '/api/stats')).status).toBe(401);
    expect((await api(t.baseUrl, 'GET', '/api/stats.csv')).status).toBe(401);
    expect((await stats('', w.officerA)).status).toBe(200);
  });
});
