import { parse } from 'csv-parse/sync';
import { CaseLogService } from '../src/audit/case-log.service.js';
import { appendEvent } from './helpers/case-log.js';
import { api, FormBrowser, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

interface ExportedEvent {
  sequence: number;
  occurredAt: string;
  reference: string | null;
  actor: string;
  type: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

describe('exports of the case log, and the auditors page', () => {
  let t: TestApp;
  let caseLog: CaseLogService;
  let admin: string;
  let auditor: string;
  let officer: string;
  let between: { afterFirst: string; beforeLast: string };

  beforeAll(async () => {
    // API only: no workers appending triage events while the log is compared with its exports.
    t = await startTestApp({}, { api: true, worker: false });
    caseLog = t.app.get(CaseLogService);
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (const [email, role] of [['auditor.export@example.org', 'auditor'], ['officer.export@example.org', 'officer']]) {
      expect((await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email, password: `${role}-password-1`, role } })).status).toBe(201);
    }
    auditor = await login(t.baseUrl, 'auditor.export@example.org', 'auditor-password-1');
    officer = await login(t.baseUrl, 'officer.export@example.org', 'officer-password-1');

    await appendEvent(t.db, caseLog, { reference: 'PCC-AAAA-0001', type: 'complaint.received', details: { complaintId: 'c1' } });
    await pause();
    between = { afterFirst: new Date().toISOString(), beforeLast: '' };
    await pause();
    await appendEvent(t.db, caseLog, { reference: 'PCC-BBBB-0002', type: 'complaint.received', details: { complaintId: 'c2' } });
    await appendEvent(t.db, caseLog, { reference: 'PCC-AAAA-0001', type: 'triage.completed', details: { category: 'conduct' } });
    await appendEvent(t.db, caseLog, { reference: '=1+2', type: '@SUM(A1)', actor: 'system', details: { note: '=cmd|" /C calc"!A0', text: 'a, "quoted"\nline' } });
    between.beforeLast = new Date().toISOString();
    await pause();
    await appendEvent(t.db, caseLog, { reference: 'PCC-CCCC-0003', type: 'complaint.received', details: { complaintId: 'c3' } });
  });

  afterAll(async () => {
    await t.close();
  });

  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  async function download(query: string, token = auditor) {
    const response = await fetch(`${t.baseUrl}/api/audit/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  const jsonl = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ExportedEvent);
  const csv = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

  async function stored(upTo: number): Promise<ExportedEvent[]> {
    const rows = await t.db.query(`SELECT * FROM case_events WHERE sequence <= $1 ORDER BY sequence`, [upTo]);
    return rows.map((r: Record<string, any>) => ({ sequence: Number(r.sequence), occurredAt: r.occurred_at.toISOString(), reference: r.reference, actor: r.actor, type: r.type, details: r.details, prevHash: r.prev_hash, hash: r.hash }));
  }

  async function exportsLogged(): Promise<Array<{ actor: string; details: any }>> {
    return t.db.query(`SELECT actor, details FROM case_events WHERE type = 'audit.exported' ORDER BY sequence`);
  }

  it('streams every event in order as JSON Lines, with the chain head it was taken at in the headers', async () => {
    const { status, headers, text } = await download('format=jsonl');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/jsonl; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="case-log-\d{4}-\d{2}-\d{2}-to-\d+\.jsonl"$/);
    const head = Number(headers.get('x-chain-head-sequence'));
    const events = jsonl(text);
    expect(events).toEqual(await stored(head));
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(headers.get('x-chain-head-hash')).toBe(events.at(-1)!.hash);
  });

  it('streams every event in order as CSV, every value quoted, details as JSON', async () => {
    const { status, headers, text } = await download('format=csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/filename="case-log-.*\.csv"/);
    const rows = csv(text);
    const events = await stored(Number(headers.get('x-chain-head-sequence')));
    expect(rows.map((r) => Number(r.sequence))).toEqual(events.map((e) => e.sequence));
    expect(Object.keys(rows[0])).toEqual(['sequence', 'occurredAt', 'reference', 'actor', 'type', 'details', 'prevHash', 'hash']);
    expect(rows.map((r) => r.hash)).toEqual(events.map((e) => e.hash));
    expect(rows.map((r) => JSON.parse(r.details))).toEqual(events.map((e) => e.details));
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const rows = csv((await download('format=csv')).text);
    const hostile = rows.find((r) => r.reference.includes('1+2'))!;
    expect(hostile.reference).toBe(`'=1+2`);
    expect(hostile.type).toBe(`'@SUM(A1)`);
    expect(hostile.details.startsWith('{')).toBe(true);
    expect(JSON.parse(hostile.details)).toEqual({ note: '=cmd|" /C calc"!A0', text: 'a, "quoted"\nline' });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each([
    ['reference', 'reference=PCC-AAAA-0001', (e: ExportedEvent) => e.reference === 'PCC-AAAA-0001'],
    ['type', 'type=complaint.received', (e: ExportedEvent) => e.type === 'complaint.received'],
  ])('filters by %s', async (_, query, keep) => {
    const { headers, text } = await download(`format=jsonl&${query}`);
    const expected = (await stored(Number(headers.get('x-chain-head-sequence')))).filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(jsonl(text)).toEqual(expected);
  });

  it('filters by from and to, as instants and as London days, with both ends included', async () => {
    const window = jsonl((await download(`format=jsonl&from=${between.afterFirst}&to=${between.beforeLast}`)).text);
    expect(window.map((e) => e.reference)).toEqual(['PCC-BBBB-0002', 'PCC-AAAA-0001', '=1+2']);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const { headers, text } = await download(`format=jsonl&from=${today}&to=${today}`);
    expect(jsonl(text)).toEqual(await stored(Number(headers.get('x-chain-head-sequence'))));
    expect(jsonl((await download('format=jsonl&from=2000-01-01&to=2000-12-31')).text)).toEqual([]);
    expect(jsonl((await download(`format=jsonl&type=complaint.received&to=${between.afterFirst}`)).text).map((e) => e.reference)).toEqual(['PCC-AAAA-0001']);
  });

  it('records every export in the case log: who, the filters and the number of rows', async () => {
    const { text } = await download('format=csv&reference=PCC-AAAA-0001&type=triage.completed', admin);
    expect(csv(text)).toHaveLength(1);
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    // Logged once the response has closed, so it may land a moment after the client has read the body.
    const mine = (events: Array<{ actor: string }>) => events.filter((e) => e.actor === `user:${id}`);
    let logged = mine(await exportsLogged());
    for (let i = 0; i < 100 && !logged.length; i++) {
      await pause();
      logged = mine(await exportsLogged());
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toEqual({
      actor: `user:${id}`,
      details: { format: 'csv', filters: { reference: 'PCC-AAAA-0001', type: 'triage.completed' }, rows: 1, completed: true, headSequence: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/), checkpointId: expect.stringMatching(/^\d+$/) },
    });
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body.ok).toBe(true);
  });

  it('refuses officers (403) and anonymous callers (401)', async () => {
    expect((await download('format=csv', officer)).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/audit/export?format=csv`)).status).toBe(401);
  });

  it.each([
    ['format=xml', 'format'],
    ['from=yesterday', 'from'],
    ['from=2026-11-25T10:00:00', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=2026-11-02&to=2026-11-01', 'to'],
    ['reference=not a reference', 'reference'],
    ['type=DROP TABLE', 'type'],
    ['sequence=1', 'sequence'],
  ])('answers %s with a 400 naming the field', async (query, field) => {
    const response = await api(t.baseUrl, 'GET', `/api/audit/export?${query.replace(' ', '%20')}`, { token: auditor });
    expect(response.status).toBe(400);
    expect(response.body.message.join(' ')).toContain(field);
  });

  it('shows auditors the chain status, the export form and recent exports; officers are refused', async () => {
    const browser = new FormBrowser(t.baseUrl);
    const loginPage = await browser.get('/login');
    await browser.post('/login', { _csrf: browser.csrfOf(loginPage.html), email: 'auditor.export@example.org', password: 'auditor-password-1', next: '/audit' });
    // The page's form, as the browser sends it with its filters empty, downloads through the session cookie.
    const viaSession = await fetch(`${t.baseUrl}/audit/export?format=csv&from-day=&from-month=&from-year=&to-day=&to-month=&to-year=&reference=&type=`, { headers: { cookie: browser.cookieHeader() } });
    expect(viaSession.status).toBe(200);
    expect(viaSession.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv(await viaSession.text()).length).toBeGreaterThan(5);
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = 'auditor.export@example.org'`);
    for (let i = 0; i < 100 && !(await exportsLogged()).some((e) => e.actor === `user:${id}` && !e.details.filters.type); i++) await pause();

    const page = await browser.get('/audit');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Intact');
    expect(page.html).toMatch(/<form method="get" action="\/audit\/export"/);
    for (const field of ['format', 'from-day', 'from-month', 'from-year', 'to-day', 'reference', 'type']) expect(page.html).toContain(`name="${field}"`);
    expect(page.html).toContain('id="recent-exports"');
    expect(page.html).toContain('auditor.export@example.org');

    const officerBrowser = new FormBrowser(t.baseUrl);
    const officerLogin = await officerBrowser.get('/login');
    await officerBrowser.post('/login', { _csrf: officerBrowser.csrfOf(officerLogin.html), email: 'officer.export@example.org', password: 'officer-password-1' });
    expect((await officerBrowser.get('/audit')).status).toBe(403);
  });
});
