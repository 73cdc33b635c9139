import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { StatsRollupService } from '../../src/stats/stats-rollup.service.js';
import { api, login, waitForTriage } from './http.js';
import { ADMIN, type TestApp } from './test-app.js';

/**
 * A known set of cases for the statistics, made through the real API and pipeline (keyed-in letters, triage by the
 * workers, overrides, outcomes), then with the times of officers' work set back by SQL to fixed dates, as if it had
 * been done then. Nine cases received in financial year 2025-26 (H1..H9) and two received today (R1, R2).
 * The figures they must give are worked out by hand in test/stats.e2e-spec.ts.
 */
export const OLD_VERSION = '2.0.0+00000000';

interface Fixture {
  id: string;
  category: string;
  tricky: boolean;
  history?: unknown[];
  complaint: { summary: string; details: string; subject: { role: string; name?: string }; incidentDate?: string };
}

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/triage-cases.json', import.meta.url), 'utf8')) as Fixture[];
const plain = (category: string, n: number) => fixtures.filter((f) => f.category === category && !f.tricky && !f.history?.length)[n].complaint;

/** The end of a London day, as deadlines fall due. */
export const endOfLondonDay = (date: string) => DateTime.fromISO(date, { zone: 'Europe/London' }).endOf('day').toJSDate().toISOString();
export const londonToday = () => DateTime.now().setZone('Europe/London').toISODate()!;

export interface StatsWorld {
  officerA: string;
  officerB: string;
  auditor: string;
  rulesetVersion: string;
  refs: Record<string, string>;
}

let people = 0;

export async function buildStatsWorld(t: TestApp): Promise<StatsWorld> {
  const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  for (const [email, role] of [['stats-a@example.org', 'officer'], ['stats-b@example.org', 'officer'], ['stats-audit@example.org', 'auditor']]) {
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email, password: 'a-long-password-1', role } });
  }
  const [officerA, officerB, auditor] = await Promise.all(['stats-a@example.org', 'stats-b@example.org', 'stats-audit@example.org'].map((e) => login(t.baseUrl, e, 'a-long-password-1')));
  const refs: Record<string, string> = {};

  const person = () => ((people += 1), { name: `Stats Person ${people}`, email: `stats.person.${people}.${Date.now()}@example.org` });
  const keyIn = async (name: string, text: Fixture['complaint'], receivedAt: string, channel: string, extra: { role?: string; complainant?: { name: string; email: string } } = {}) => {
    const { incidentDate: _ignored, ...rest } = text;
    const body = { ...rest, subject: { ...text.subject, role: extra.role ?? 'pcc' }, complainant: extra.complainant ?? person(), receivedAt, channel };
    const created = await api(t.baseUrl, 'POST', '/api/cases', { token: officerA, body });
    if (created.status !== 201) throw new Error(`${name}: ${created.status} ${JSON.stringify(created.body)}`);
    refs[name] = created.body.reference;
    const triaged = await waitForTriage(t.baseUrl, officerA, refs[name], 30_000);
    return triaged.triage.rulesetVersion as string;
  };
  const outcome = async (name: string, kind: string, token = officerA) => {
    const r = await api(t.baseUrl, 'POST', `/api/cases/${refs[name]}/outcome`, { token, body: { kind, notes: `Stats fixture: ${kind}.` } });
    if (r.status !== 200) throw new Error(`${name} ${kind}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const override = (name: string, category: string, token = officerA) =>
    api(t.baseUrl, 'POST', `/api/cases/${refs[name]}/classification`, { token, body: { category, reason: `Stats fixture: ${category}.` } });
  const decideOverride = (name: string, confirm: boolean) =>
    api(t.baseUrl, 'POST', `/api/cases/${refs[name]}/classification/confirmation`, { token: officerB, body: { confirm, reason: 'Stats fixture: second officer.' } });

  const version = await keyIn('H1', plain('criminal', 0), '2025-06-02T09:00:00Z', 'letter');
  await outcome('H1', 'acknowledged');
  await outcome('H1', 'referred_to_iopc');
  await keyIn('H2', plain('criminal', 1), '2025-06-02T11:00:00Z', 'email');
  await outcome('H2', 'referred_to_iopc');
  // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST): counted on the 2nd.
  await keyIn('H3', plain('criminal', 2), '2025-06-01T23:30:00Z', 'phone', { role: 'deputy_pcc' });
  await override('H3', 'conduct');
  await decideOverride('H3', false);
  await keyIn('H4', plain('conduct', 0), '2025-09-01T09:00:00Z', 'letter');
  for (const kind of ['acknowledged', 'informal_resolution_started', 'informal_resolution_concluded']) await outcome('H4', kind);
  await keyIn('H5', plain('conduct', 1), '2025-09-01T10:00:00Z', 'email');
  await outcome('H5', 'acknowledged');
  await override('H5', 'political');
  await outcome('H5', 'not_recorded');
  await keyIn('H6', plain('political', 0), '2025-12-01T09:00:00Z', 'in_person', { role: 'mayor' });
  await outcome('H6', 'withdrawn');
  const repeater = person();
  await keyIn('H7', plain('political', 1), '2026-01-05T09:00:00Z', 'letter', { complainant: repeater });
  await outcome('H7', 'acknowledged');
  await outcome('H7', 'not_recorded');
  await keyIn('H8', plain('political', 1), '2026-02-02T09:00:00Z', 'email', { complainant: repeater });
  await keyIn('H9', plain('criminal', 3), '2026-03-02T09:00:00Z', 'letter');
  await override('H9', 'conduct');
  await decideOverride('H9', true);

  for (const name of ['R1', 'R2']) {
    const submitted = await api(t.baseUrl, 'POST', '/api/complaints', { body: { ...plain('conduct', name === 'R1' ? 2 : 3), complainant: person(), incidentDate: undefined } });
    refs[name] = submitted.body.reference;
    await waitForTriage(t.baseUrl, officerA, refs[name], 30_000);
  }
  await outcome('R2', 'acknowledged');

  // The officers' work on the historic cases, set back to when it was done (met_at only; the kinds stay as recorded).
  const met: Array<[string, string, string]> = [
    ['H1', 'acknowledgement', '2025-06-04T10:00:00Z'], ['H1', 'recording_decision', '2025-06-03T10:00:00Z'], ['H1', 'iopc_referral', '2025-06-03T10:00:00Z'],
    ['H2', 'recording_decision', '2025-06-05T10:00:00Z'], ['H2', 'iopc_referral', '2025-06-05T10:00:00Z'],
    ['H4', 'acknowledgement', '2025-09-09T10:00:00Z'], ['H4', 'recording_decision', '2025-09-15T10:00:00Z'], ['H4', 'informal_resolution', '2025-11-12T10:00:00Z'],
    ['H5', 'acknowledgement', '2025-09-02T10:00:00Z'], ['H5', 'recording_decision', '2025-09-05T10:00:00Z'],
    ['H7', 'acknowledgement', '2026-01-06T10:00:00Z'], ['H7', 'recording_decision', '2026-01-12T10:00:00Z'],
  ];
  for (const [name, kind, at] of met) await setDeadline(t, refs[name], kind, { metAt: at });
  // The IOPC clock of the criminal cases started at their triage on the day of receipt; informal resolution on 15 September.
  for (const name of ['H1', 'H2', 'H3']) await setDeadline(t, refs[name], 'iopc_referral', { startAt: '2025-06-02T15:00:00Z', dueAt: endOfLondonDay('2025-06-03') });
  await setDeadline(t, refs.H4, 'informal_resolution', { startAt: '2025-09-15T10:00:00Z', dueAt: endOfLondonDay('2025-11-10') });
  // An earlier rule set triaged four of them before the upgrade.
  for (const [name, category] of [['H1', 'conduct'], ['H4', 'conduct'], ['H5', 'political'], ['H6', 'political']]) {
    await t.db.query(
      `INSERT INTO triage_runs (id, complaint_id, ruleset_version, category, confidence, needs_review, reg15_grounds, trigger, completed_at)
       SELECT gen_random_uuid(), id, $2, $3, 0.8, false, '[]', 'intake', received_at + interval '1 hour' FROM complaints WHERE reference = $1`,
      [refs[name], OLD_VERSION, category],
    );
  }
  await t.db.query(`UPDATE complaints c SET next_due_at = (SELECT min(due_at) FROM deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL)`);
  // Changes made by SQL write no case-log event, so the summary is rebuilt, as an operator would with npm run stats:rebuild.
  await t.app.get(StatsRollupService).rebuildAll();
  return { officerA, officerB, auditor, rulesetVersion: version, refs };
}

async function setDeadline(t: TestApp, reference: string, kind: string, at: { startAt?: string; dueAt?: string; metAt?: string }): Promise<void> {
  const [, updated] = (await t.db.query(
    `UPDATE deadlines SET start_at = coalesce($3, start_at), due_at = coalesce($4, due_at), met_at = coalesce($5, met_at)
      WHERE kind = $2 AND complaint_id = (SELECT id FROM complaints WHERE reference = $1)`,
    [reference, kind, at.startAt ?? null, at.dueAt ?? null, at.metAt ?? null],
  )) as [unknown, number];
  if (updated !== 1) throw new Error(`no ${kind} deadline on ${reference}`);
}
