import { api, complaintBody, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('intake: API and form, triaged by queued steps', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('accepts a complaint, answers with a non-sequential reference and triages it through every step', async () => {
    const first = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
    const second = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ reference: expect.stringMatching(/^[A-Z0-9]+(-[A-Z0-9]+)+$/), status: 'received', receivedAt: expect.any(String) });
    expect(second.body.reference).not.toBe(first.body.reference);

    const triaged = await waitForTriage(t.baseUrl, token, first.body.reference);
    expect(triaged.category).toBe('conduct');
    expect(triaged.status).toBe('triaged');
    expect(triaged.triage.rulesetVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
    const steps = triaged.triage.steps.map((s: { step: string }) => s.step);
    expect(steps).toEqual(['analyse', 'remit', 'criminal_allegation', 'vexatious', 'repetition', 'political', 'conduct', 'model', 'decide']);
    const conduct = triaged.triage.steps.find((s: { step: string }) => s.step === 'conduct');
    expect(conduct.evidence.join(' ')).toContain('did not reply');
    expect(triaged.deadlines.map((d: { kind: string }) => d.kind)).toContain('acknowledgement');
  });

  it('starts the IOPC referral clock when the triage finds a possible offence', async () => {
    const { body } = await api(t.baseUrl, 'POST', '/api/complaints', {
      body: complaintBody({ summary: 'The commissioner took a bribe', details: 'The commissioner accepted £5,000 in cash from a contractor a week before awarding him the contract.' }),
    });
    const triaged = await waitForTriage(t.baseUrl, token, body.reference);
    expect(triaged.category).toBe('criminal');
    const referral = triaged.deadlines.find((d: { kind: string }) => d.kind === 'iopc_referral');
    expect(referral).toMatchObject({ metAt: null, calculation: { workingDays: 1 } });
    expect(triaged.nextDueAt).toBe(referral.dueAt);
  });

  it('writes the complaint, its outbox row and its first case event together', async () => {
    const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
    const [row] = await t.db.query(
      `SELECT c.id, (SELECT count(*)::int FROM outbox o WHERE o.payload->>'complaintId' = c.id::text) AS outbox,
              (SELECT count(*)::int FROM case_event_queue q WHERE q.reference = c.reference AND q.type = 'complaint.received')
            + (SELECT count(*)::int FROM case_events e WHERE e.reference = c.reference AND e.type = 'complaint.received') AS events
         FROM complaints c WHERE c.reference = $1`,
      [body.reference],
    );
    expect(row).toMatchObject({ outbox: 2, events: 1 }); // triage, and the acknowledgement letter
  });

  it('returns the same reference for a repeat with the same Idempotency-Key, storing one complaint', async () => {
    const before = await count('complaints');
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const body = complaintBody();
    const [a, b] = await Promise.all([
      api(t.baseUrl, 'POST', '/api/complaints', { body, headers }),
      api(t.baseUrl, 'POST', '/api/complaints', { body, headers }),
    ]);
    const c = await api(t.baseUrl, 'POST', '/api/complaints', { body, headers });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.reference, b.body.reference, c.body.reference]).size).toBe(1);
    expect(await count('complaints')).toBe(before + 1);
  });

  it.each([
    ['a bad email', { complainant: { name: 'A', email: 'not-an-email' } }, 'complainant.email'],
    ['a missing summary', { summary: undefined }, 'summary'],
    ['a summary over 300 characters', { summary: 'x'.repeat(301) }, 'summary'],
    ['an unknown subject role', { subject: { role: 'chief_constable' } }, 'subject.role'],
    ['an unknown field', { extra: 1 }, 'extra'],
    ['a future incident date', { incidentDate: '2099-01-01' }, 'incidentDate'],
    ['an impossible incident date', { incidentDate: '2026-02-30' }, 'incidentDate'],
    ['an object where text belongs', { details: { text: 'x' } }, 'details'],
    ['a null byte', { details: 'abc\u0000def' }, 'details'],
  ])('rejects %s with a 400 naming the field, and stores nothing', async (_, change, field) => {
    const before = await count('complaints');
    const response = await api(t.baseUrl, 'POST', '/api/complaints', { body: { ...complaintBody(), ...change } });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('Bad Request');
    expect(response.body.message.join(' ')).toContain(field);
    expect(await count('complaints')).toBe(before);
  });

  it('rejects malformed JSON and prototype-pollution keys with a 400', async () => {
    expect((await api(t.baseUrl, 'POST', '/api/complaints', { body: '{"complainant":' })).status).toBe(400);
    const polluted = `{"__proto__":{"admin":true},${JSON.stringify(complaintBody()).slice(1)}`;
    expect((await api(t.baseUrl, 'POST', '/api/complaints', { body: polluted })).status).toBe(400);
  });

  it('signs staff in with a bearer token, and refuses wrong passwords and anonymous callers', async () => {
    expect((await api(t.baseUrl, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password: 'wrong-password' } })).status).toBe(401);
    expect((await api(t.baseUrl, 'GET', '/api/cases')).status).toBe(401);
    expect((await api(t.baseUrl, 'GET', '/api/cases', { token: 'not.a.token' })).status).toBe(401);
    const list = await api(t.baseUrl, 'GET', '/api/cases?page=1&pageSize=2', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeLessThanOrEqual(2);
    expect(list.body.total).toBeGreaterThan(0);
  });

  it('lets an admin create an officer, who can read cases but not create users', async () => {
    const created = await api(t.baseUrl, 'POST', '/api/users', { token, body: { email: 'officer1@example.org', password: 'officer-password-1', role: 'officer' } });
    expect(created.status).toBe(201);
    const officer = await login(t.baseUrl, 'officer1@example.org', 'officer-password-1');
    expect((await api(t.baseUrl, 'GET', '/api/cases', { token: officer })).status).toBe(200);
    expect((await api(t.baseUrl, 'POST', '/api/users', { token: officer, body: { email: 'x@example.org', password: 'another-password-1', role: 'admin' } })).status).toBe(403);
  });

  describe('the web form, as a browser without JavaScript', () => {
    it('keeps the answers and links each error to its field, then confirms with the reference', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const page = await browser.get('/complaints/new');
      expect(page.status).toBe(200);
      const form = { _csrf: browser.csrfOf(page.html), name: 'Ann Smith', email: 'not-an-email', phone: '', postalAddress: '', subjectRole: 'pcc', subjectName: '', summary: 'Rude at a meeting <b>bold</b>', details: '', incidentDate: '' };
      const invalid = await browser.post('/complaints', form);
      expect(invalid.status).toBe(400);
      expect(invalid.html).toContain('There is a problem');
      expect(invalid.html).toContain('href="#email"');
      expect(invalid.html).toContain('href="#details"');
      expect(invalid.html).toContain('value="Ann Smith"');
      expect(invalid.html).toContain('Rude at a meeting &lt;b&gt;bold&lt;/b&gt;');

      const valid = await browser.post('/complaints', { ...form, _csrf: browser.csrfOf(invalid.html), email: 'ann@example.org', details: 'She mocked me in front of everyone.' });
      expect(valid.status).toBe(200);
      const reference = valid.html.match(/id="reference">([^<]+)</)?.[1];
      expect(reference).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
      const triaged = await waitForTriage(t.baseUrl, token, reference!);
      expect(triaged.channel).toBe('web');
      expect(triaged.triage.steps.length).toBeGreaterThanOrEqual(4);
    });

    it('refuses a form post without a valid CSRF token and stores nothing', async () => {
      const before = await count('complaints');
      const browser = new FormBrowser(t.baseUrl);
      await browser.get('/complaints/new');
      const response = await browser.post('/complaints', { _csrf: 'forged', name: 'A', email: 'a@example.org', subjectRole: 'pcc', summary: 's', details: 'd' });
      expect(response.status).toBe(403);
      expect(await count('complaints')).toBe(before);
    });
  });

  it('reports health and serves the OpenAPI document', async () => {
    expect((await api(t.baseUrl, 'GET', '/health')).status).toBe(200);
    const docs = await api(t.baseUrl, 'GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/complaints', '/api/cases', '/api/cases/{reference}']));
  });
});
