import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const monthsAgo = (months: number) => `now() - interval '${months} months'`;

describe('retention: the daily job erases what has been kept long enough, never what is held', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  const refs: Record<'expired' | 'held' | 'mayor' | 'recent' | 'open', string> = { expired: '', held: '', mayor: '', recent: '', open: '' };

  const caseOf = async (reference: string) => (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token: officer })).body;

  beforeAll(async () => {
    // the job runs every 3.6 s in this test (5 s after start, then each period); kept 12 months after closure and after the term end
    t = await startTestApp({ RETENTION_INTERVAL_HOURS: '0.001', RETENTION_MONTHS_AFTER_CLOSURE: '12', RETENTION_MONTHS_AFTER_TERM_END: '12' });
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'retention.officer@example.org', password: 'a-long-password-1', role: 'officer' } });
    officer = await login(t.baseUrl, 'retention.officer@example.org', 'a-long-password-1');
    for (const key of Object.keys(refs) as Array<keyof typeof refs>) {
      const body = complaintBody(key === 'mayor' ? { subject: { role: 'mayor' } } : {});
      refs[key] = (await api(t.baseUrl, 'POST', '/api/complaints', { body })).body.reference;
      await waitForTriage(t.baseUrl, officer, refs[key]);
      if (key !== 'open') {
        const withdrawn = await api(t.baseUrl, 'POST', `/api/cases/${refs[key]}/outcome`, { token: officer, body: { kind: 'withdrawn', notes: 'Withdrawn in writing' } });
        expect(withdrawn.status).toBe(200);
      }
    }
    // received 30 months ago, withdrawn 20 months ago (the recent one: withdrawn last month)
    await t.db.query(`UPDATE complaints SET received_at = ${monthsAgo(30)} WHERE reference = ANY($1)`, [Object.values(refs)]);
    await t.db.query(`UPDATE case_actions a SET recorded_at = ${monthsAgo(20)} FROM complaints c WHERE c.id = a.complaint_id AND c.reference = ANY($1)`, [[refs.expired, refs.held, refs.mayor]]);
    await t.db.query(`UPDATE case_actions a SET recorded_at = ${monthsAgo(1)} FROM complaints c WHERE c.id = a.complaint_id AND c.reference = $1`, [refs.recent]);
    const hold = await api(t.baseUrl, 'POST', `/api/cases/${refs.held}/legal-hold`, { token: admin, body: { held: true, reason: 'Litigation pending' } });
    expect(hold.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('keeps every case while the office holder’s term end is not recorded, and says so', async () => {
    const preview = (await api(t.baseUrl, 'GET', '/api/retention', { token: admin })).body;
    expect(preview.schedule).toEqual({ monthsAfterClosure: 12, monthsAfterTermEnd: 12, intervalHours: 0.001 });
    expect(preview).toMatchObject({ due: [], held: [], waitingForTermEnd: 4 }); // every closed case: the closure rule alone would keep the recent one anyway
    await new Promise((resolve) => setTimeout(resolve, 6000)); // at least one run of the job
    expect((await caseOf(refs.expired)).complainant.name).not.toBe('[erased]');
  });

  it('records a term end (refusing a wrong date or role), previews the next run, and the job erases only the due case that is not held', async () => {
    expect((await api(t.baseUrl, 'POST', '/api/retention/terms', { token: officer, body: { subjectRole: 'pcc', endedOn: '2025-05-08' } })).status).toBe(403);
    const bad = await api(t.baseUrl, 'POST', '/api/retention/terms', { token: admin, body: { subjectRole: 'king', endedOn: '2025-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^subjectRole must be one of/), 'endedOn must be a real date in the form YYYY-MM-DD']));
    // the commissioner left office 15 months ago: their cases are kept 12 months after that, so they are due now
    const [{ ended }] = (await t.db.query(`SELECT to_char(now() - interval '15 months', 'YYYY-MM-DD') AS ended`)) as Array<{ ended: string }>;
    const term = await api(t.baseUrl, 'POST', '/api/retention/terms', { token: admin, body: { subjectRole: 'pcc', endedOn: ended } });
    expect(term.status).toBe(201);
    expect(term.body).toMatchObject({ subjectRole: 'pcc', endedOn: ended, recordedBy: ADMIN.email });
    expect((await api(t.baseUrl, 'POST', '/api/retention/terms', { token: admin, body: { subjectRole: 'pcc', endedOn: ended } })).status).toBe(409);

    const preview = (await api(t.baseUrl, 'GET', '/api/retention', { token: admin })).body;
    expect(preview.due.map((c: { reference: string }) => c.reference)).toEqual([refs.expired]);
    expect(preview.due[0]).toMatchObject({ status: 'withdrawn', subjectRole: 'pcc', termEndedOn: ended });
    expect(preview.held.map((c: { reference: string }) => c.reference)).toEqual([refs.held]);
    expect(preview.waitingForTermEnd).toBe(1); // the mayor's

    for (let i = 0; i < 150 && (await caseOf(refs.expired)).complainant.name !== '[erased]'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const erased = await caseOf(refs.expired);
    expect(erased).toMatchObject({ complainant: { name: '[erased]', email: null }, summary: '[erased]', status: 'withdrawn' });
    for (const kept of [refs.held, refs.mayor, refs.recent, refs.open]) expect((await caseOf(kept)).complainant.name).toMatch(/^Test Person/);

    const history = (await api(t.baseUrl, 'GET', `/api/cases/${refs.expired}/history`, { token: admin })).body as Array<{ type: string; actor: string; details: Record<string, unknown> }>;
    expect(history.find((h) => h.type === 'case.personal_data_erased')).toMatchObject({ actor: 'system', details: { trigger: 'retention' } });
    const [record] = (await api(t.baseUrl, 'GET', '/api/erasures', { token: admin })).body;
    expect(record).toMatchObject({ reference: refs.expired, trigger: 'retention', erasedBy: null, reason: expect.stringMatching(/^Retention period over: closed on \d{4}-\d\d-\d\d, kept 12 months after closure and 12 months after the office holder left office on /) });
    expect((await api(t.baseUrl, 'GET', '/api/stats', { token: officer })).body.erasures).toEqual({ request: 0, retention: 1, total: 1 });
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify', { token: admin })).body.ok).toBe(true);
  });

  it('erases a held case once the hold is released', async () => {
    const released = await api(t.baseUrl, 'POST', `/api/cases/${refs.held}/legal-hold`, { token: admin, body: { held: false, reason: 'Litigation settled' } });
    expect(released.body).toEqual({ reference: refs.held, held: false, hold: null });
    for (let i = 0; i < 150 && (await caseOf(refs.held)).complainant.name !== '[erased]'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await caseOf(refs.held)).complainant.name).toBe('[erased]');
    const types = ((await api(t.baseUrl, 'GET', `/api/cases/${refs.held}/history`, { token: admin })).body as Array<{ type: string }>).map((h) => h.type);
    expect(types.slice(-3)).toEqual(['case.legal_hold_placed', 'case.legal_hold_released', 'case.personal_data_erased']);
  });
});
