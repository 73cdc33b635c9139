import { createHmac } from 'node:crypto';
import { api, complaintBody, FormBrowser, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The findings of the outside probe, each replayed against the running service: every one must now be refused with a
 * clear 4xx (or, for signed-out and disabled users, 401) and leave what is stored unchanged.
 */
describe('security: the probe’s findings replayed', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_SECRET: 'security-test-secret-0123456789abcdefghijkl' });
    adminToken = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);
  const userCount = () => count(`SELECT count(*) AS n FROM users`);

  async function signedInBrowser(email = ADMIN.email, password = ADMIN.password): Promise<FormBrowser> {
    const browser = new FormBrowser(t.baseUrl);
    const page = await browser.get('/login');
    const landed = await browser.post('/login', { _csrf: browser.csrfOf(page.html), email, password });
    expect(landed.url).toMatch(/\/cases$/);
    return browser;
  }

  async function newStaff(role: 'officer' | 'auditor' | 'admin') {
    const email = `${role}.${Date.now()}.${Math.random().toString(36).slice(2)}@example.org`;
    const created = await api(t.baseUrl, 'POST', '/api/users', { token: adminToken, body: { email, password: 'a-long-password-1', role } });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, token: await login(t.baseUrl, email, 'a-long-password-1') };
  }

  describe('1. cross-origin requests through the session cookie', () => {
    it('refuses cookie-authenticated API changes without the session’s CSRF token or from another origin', async () => {
      const admin = await signedInBrowser();
      const before = await userCount();
      const form = new URLSearchParams({ email: `evil${Date.now()}@example.org`, password: 'a-long-password-1', role: 'admin' }).toString();
      const asForm = await fetch(`${t.baseUrl}/api/users`, {
        method: 'POST',
        headers: { cookie: admin.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:1' },
        body: form,
      });
      expect(asForm.status).toBe(403);
      const sameOriginNoToken = await fetch(`${t.baseUrl}/api/users`, {
        method: 'POST',
        headers: { cookie: admin.cookieHeader(), 'content-type': 'application/json', origin: t.baseUrl, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ email: `evil${Date.now()}@example.org`, password: 'a-long-password-1', role: 'admin' }),
      });
      expect(sameOriginNoToken.status).toBe(403);
      expect(await userCount()).toBe(before);

      const session = await fetch(`${t.baseUrl}/api/auth/session`, { headers: { cookie: admin.cookieHeader() } });
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const withToken = (origin: string) =>
        fetch(`${t.baseUrl}/api/users`, {
          method: 'POST',
          headers: { cookie: admin.cookieHeader(), 'content-type': 'application/json', origin, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ email: `ok${Date.now()}${origin.length}@example.org`, password: 'a-long-password-1', role: 'officer' }),
        });
      expect((await withToken('http://evil.example')).status).toBe(403);
      expect((await withToken(t.baseUrl)).status).toBe(201);
    });

    it('refuses an outcome recorded with the cookie from another origin, and leaves the case as it was', async () => {
      const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
      const admin = await signedInBrowser();
      const response = await fetch(`${t.baseUrl}/api/cases/${body.reference}/outcome`, {
        method: 'POST',
        headers: { cookie: admin.cookieHeader(), 'content-type': 'application/json', origin: 'http://evil.example' },
        body: JSON.stringify({ kind: 'withdrawn', notes: 'forged' }),
      });
      expect(response.status).toBe(403);
      expect(await count(`SELECT count(*) AS n FROM case_actions a JOIN complaints c ON c.id = a.complaint_id WHERE c.reference = $1`, [body.reference])).toBe(0);
    });

    it('leaves bearer-token requests alone', async () => {
      const response = await api(t.baseUrl, 'POST', '/api/users', {
        token: adminToken,
        headers: { origin: 'http://elsewhere.example' },
        body: { email: `bearer${Date.now()}@example.org`, password: 'a-long-password-1', role: 'auditor' },
      });
      expect(response.status).toBe(201);
    });

    it('refuses an export a link on another site makes a signed-in auditor’s browser fetch', async () => {
      const admin = await signedInBrowser();
      const crossSite = await fetch(`${t.baseUrl}/api/audit/export?format=jsonl`, { headers: { cookie: admin.cookieHeader(), 'sec-fetch-site': 'cross-site' } });
      expect(crossSite.status).toBe(403);
      const fromOwnPage = await fetch(`${t.baseUrl}/api/audit/export?format=jsonl`, { headers: { cookie: admin.cookieHeader(), 'sec-fetch-site': 'same-origin' } });
      expect(fromOwnPage.status).toBe(200);
      await fromOwnPage.text();
      const exportsLogged = async () =>
        (await count(`SELECT count(*) AS n FROM case_event_queue WHERE type = 'audit.exported'`)) + (await count(`SELECT count(*) AS n FROM case_events WHERE type = 'audit.exported'`));
      for (let i = 0; i < 50 && (await exportsLogged()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await exportsLogged()).toBe(1); // the refused one ran nothing and logged nothing
    });
  });

  describe('2. a complaint lost under a reused key', () => {
    it('answers 409 naming the header for a different complaint under a used Idempotency-Key, storing nothing', async () => {
      const key = `shared-key-${Date.now()}`;
      const first = await api(t.baseUrl, 'POST', '/api/complaints', { headers: { 'idempotency-key': key }, body: complaintBody() });
      expect(first.status).toBe(201);
      const before = await count(`SELECT count(*) AS n FROM complaints`);
      const other = await api(t.baseUrl, 'POST', '/api/complaints', { headers: { 'idempotency-key': key }, body: complaintBody() });
      expect(other.status).toBe(409);
      expect(other.body.message.join(' ')).toContain('Idempotency-Key');
      expect(JSON.stringify(other.body)).not.toContain(first.body.reference);
      expect(await count(`SELECT count(*) AS n FROM complaints`)).toBe(before);
    });

    it('gives the form back with a message when its submission id already sent a different complaint', async () => {
      const person = new FormBrowser(t.baseUrl);
      const page = await person.get('/complaints/new');
      const submissionId = page.html.match(/name="submissionId" value="([^"]+)"/)![1];
      const form = (summary: string) => ({
        _csrf: person.csrfOf(page.html), submissionId, name: 'Ann Example', email: 'ann@example.org', subjectRole: 'pcc', summary, details: 'What happened, in full.',
      });
      const sent = await person.post('/complaints', form('The commissioner was rude to me'));
      const reference = sent.html.match(/id="reference"[^>]*>\s*([A-Z0-9-]+)/)![1];
      const again = await person.post('/complaints', form('A different complaint about the commissioner'));
      expect(again.status).toBe(409);
      expect(again.html).toContain('already been used to send a different complaint');
      expect(again.html).not.toContain(reference);
      expect(again.html).toContain('A different complaint about the commissioner');
      expect(again.html.match(/name="submissionId" value="([^"]+)"/)![1]).not.toBe(submissionId);
      expect(await count(`SELECT count(*) AS n FROM complaints WHERE summary = 'A different complaint about the commissioner'`)).toBe(0);
    });
  });

  describe('3. sessions that end', () => {
    it('signs out of the queue and audit pages, after which the old cookie is refused', async () => {
      for (const page of ['/cases', '/audit']) {
        const admin = await signedInBrowser();
        const stolen = admin.cookieHeader();
        const shown = await admin.get(page);
        const csrf = shown.html.match(/action="\/logout"[\s\S]*?name="_csrf" value="([^"]+)"/)?.[1];
        expect(csrf).toBeTruthy();
        const out = await admin.post('/logout', { _csrf: csrf! });
        expect(out.url).toMatch(/\/login$/);
        const replay = await fetch(`${t.baseUrl}/api/cases`, { headers: { cookie: stolen } });
        expect(replay.status).toBe(401);
      }
    });

    it('ends a bearer token with POST /api/auth/logout', async () => {
      const token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token })).status).toBe(200);
      expect((await api(t.baseUrl, 'POST', '/api/auth/logout', { token })).status).toBe(204);
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token })).status).toBe(401);
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token: adminToken })).status).toBe(200);
    });

    it('refuses a well-signed token for a user or session that does not exist, on every route, with 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const forge = (claims: object) => {
        const body = `${head}.${Buffer.from(JSON.stringify({ iat: now, exp: now + 60, iss: 'pcc-triage', ...claims })).toString('base64url')}`;
        return `${body}.${createHmac('sha256', t.env.AUTH_SECRET).update(body).digest('base64url')}`;
      };
      const before = await userCount();
      for (const token of [
        forge({ sub: '00000000-0000-4000-8000-000000000000', sid: '00000000-0000-4000-8000-000000000001' }),
        forge({ sub: '00000000-0000-4000-8000-000000000000', email: 'admin@example.org', role: 'admin' }),
        forge({ sub: 'not-a-uuid', sid: 'nor-this' }),
      ]) {
        expect((await api(t.baseUrl, 'POST', '/api/users', { token, body: { email: `x${Date.now()}@example.org`, password: 'a-long-password-1', role: 'admin' } })).status).toBe(401);
        for (const path of ['/api/cases', '/api/users', '/api/stats', '/api/audit/verify']) expect((await api(t.baseUrl, 'GET', path, { token })).status).toBe(401);
      }
      expect(await userCount()).toBe(before);
    });

    it('ends every session of a disabled user at once, and of a user whose role changes', async () => {
      const officer = await newStaff('officer');
      const browser = await signedInBrowser(officer.email, 'a-long-password-1');
      const listed = await api(t.baseUrl, 'GET', '/api/users', { token: adminToken });
      expect(listed.body.find((u: { id: string }) => u.id === officer.id)).toEqual({ id: officer.id, email: officer.email, role: 'officer', disabled: false, createdAt: expect.any(String) });

      const disabled = await api(t.baseUrl, 'PATCH', `/api/users/${officer.id}`, { token: adminToken, body: { disabled: true } });
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token: officer.token })).status).toBe(401);
      expect((await fetch(`${t.baseUrl}/api/cases`, { headers: { cookie: browser.cookieHeader() } })).status).toBe(401);
      expect((await api(t.baseUrl, 'POST', '/api/auth/login', { body: { email: officer.email, password: 'a-long-password-1' } })).status).toBe(401);

      await api(t.baseUrl, 'PATCH', `/api/users/${officer.id}`, { token: adminToken, body: { disabled: false } });
      const fresh = await login(t.baseUrl, officer.email, 'a-long-password-1');
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token: fresh })).status).toBe(200);
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token: officer.token })).status).toBe(401);

      expect((await api(t.baseUrl, 'PATCH', `/api/users/${officer.id}`, { token: adminToken, body: { role: 'auditor' } })).status).toBe(200);
      expect((await api(t.baseUrl, 'GET', '/api/cases', { token: fresh })).status).toBe(401);
    });

    it('keeps one admin enabled, and names a wrong field or id', async () => {
      const [me] = (await t.db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email])) as Array<{ id: string }>;
      const otherAdmins = (await t.db.query(`SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`, [me.id])) as Array<{ id: string }>;
      for (const other of otherAdmins) await api(t.baseUrl, 'PATCH', `/api/users/${other.id}`, { token: adminToken, body: { role: 'officer' } });
      const last = await api(t.baseUrl, 'PATCH', `/api/users/${me.id}`, { token: adminToken, body: { disabled: true } });
      expect(last.status).toBe(409);
      expect((await api(t.baseUrl, 'GET', '/api/users', { token: adminToken })).status).toBe(200);
      const badRole = await api(t.baseUrl, 'PATCH', `/api/users/${me.id}`, { token: adminToken, body: { role: 'superuser' } });
      expect(badRole.status).toBe(400);
      expect(badRole.body.message.join(' ')).toContain('role');
      expect((await api(t.baseUrl, 'PATCH', '/api/users/not-an-id', { token: adminToken, body: {} })).status).toBe(400);
      expect((await api(t.baseUrl, 'PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { token: adminToken, body: { disabled: true } })).status).toBe(404);
    });
  });

  it('4. refuses a victim’s session cookie with an attacker’s own CSRF cookie and token', async () => {
    const attacker = new FormBrowser(t.baseUrl);
    const attackerPage = await attacker.get('/complaints/new');
    const attackerToken = attacker.csrfOf(attackerPage.html);
    const attackerCsrfCookie = attacker.cookieHeader().split('; ').find((c) => c.startsWith('pcc_csrf='))!;

    const victim = await signedInBrowser();
    const victimSession = victim.cookieHeader().split('; ').find((c) => c.startsWith('pcc_session='))!;
    const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
    const response = await fetch(`${t.baseUrl}/cases/${body.reference}/outcome`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `${victimSession}; ${attackerCsrfCookie}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ _csrf: attackerToken, kind: 'withdrawn', notes: 'forged' }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await count(`SELECT count(*) AS n FROM case_actions a JOIN complaints c ON c.id = a.complaint_id WHERE c.reference = $1`, [body.reference])).toBe(0);
  });

  it('5. refuses impossible dates and offsets, naming the field, and stores nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM complaints`);
    const keyed = (receivedAt: string) => api(t.baseUrl, 'POST', '/api/cases', { token: adminToken, body: { ...complaintBody(), receivedAt, channel: 'letter' } });
    for (const receivedAt of ['2026-02-30T10:00:00Z', '2026-11-02T10:00:00+99:99', '2026-11-02T24:00:00Z']) {
      const response = await keyed(receivedAt);
      expect(response.status).toBe(400);
      expect(response.body.message.join(' ')).toContain('receivedAt');
    }
    const incident = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ incidentDate: '2026-02-30' }) });
    expect(incident.status).toBe(400);
    expect(incident.body.message.join(' ')).toContain('incidentDate');
    const exportRange = await api(t.baseUrl, 'GET', '/api/audit/export?from=2026-02-30', { token: adminToken });
    expect(exportRange.status).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM complaints`)).toBe(before);
  });

  it('6. answers deeply nested JSON with 400, quickly, on every route', async () => {
    const deep = (depth: number) => `{"extra":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
    for (const path of ['/api/auth/login', '/api/complaints']) {
      const response = await api(t.baseUrl, 'POST', path, { body: deep(2000) });
      expect(response.status).toBe(400);
      expect(response.body.message.join(' ')).toContain('nested');
    }
    expect((await api(t.baseUrl, 'POST', '/api/complaints', { body: deep(60_000) })).status).toBe(400); // under the body limit, still refused
  });

  describe('7. the lesser findings', () => {
    it('sends Cache-Control: no-store with personal data, in the API and on pages', async () => {
      const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
      const caseApi = await api(t.baseUrl, 'GET', `/api/cases/${body.reference}`, { token: adminToken });
      expect(caseApi.headers.get('cache-control')).toBe('no-store');
      const admin = await signedInBrowser();
      const page = await fetch(`${t.baseUrl}/cases/${body.reference}`, { headers: { cookie: admin.cookieHeader(), accept: 'text/html' } });
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect((await api(t.baseUrl, 'GET', '/api/users', { token: adminToken })).headers.get('cache-control')).toBe('no-store');
    });

    it('refuses text that is not UTF-8, text of only invisible characters, and numbers that are not decimal', async () => {
      const json = JSON.stringify(complaintBody({ summary: 'PLACEHOLDER' }));
      const [before, after] = json.split('PLACEHOLDER');
      const invalid = Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(after)]);
      const raw = await fetch(`${t.baseUrl}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: invalid });
      expect(raw.status).toBe(400);
      const form = await fetch(`${t.baseUrl}/complaints`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'summary=%FF%FE&name=x' });
      expect(form.status).toBe(400);

      const invisible = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ summary: '\u200b\u200b\u2060\ufeff' }) });
      expect(invisible.status).toBe(400);
      expect(invisible.body.message.join(' ')).toContain('summary');

      for (const page of ['0x10', '1e3', ' 5', '+2', '16.0']) {
        const response = await api(t.baseUrl, 'GET', `/api/cases?page=${encodeURIComponent(page)}`, { token: adminToken });
        expect(response.status).toBe(400);
        expect(response.body.message.join(' ')).toContain('page');
      }
      expect((await api(t.baseUrl, 'GET', '/api/cases?page=2', { token: adminToken })).status).toBe(200);
    });

    it('answers the form’s rate limit with the form again, answers kept, and a 429', async () => {
      const limited = await startTestApp({ INTAKE_RATE_LIMIT: '1' });
      try {
        const person = new FormBrowser(limited.baseUrl);
        const page = await person.get('/complaints/new');
        const form = { _csrf: person.csrfOf(page.html), name: 'Bo Example', email: 'bo@example.org', subjectRole: 'pcc', summary: 'Rude at the meeting', details: 'He shouted at me.' };
        expect((await person.post('/complaints', { ...form, submissionId: crypto.randomUUID() })).status).toBe(200);
        const refused = await person.post('/complaints', { ...form, summary: 'A second complaint kept', submissionId: crypto.randomUUID() });
        expect(refused.status).toBe(429);
        expect(refused.html).toContain('<html');
        expect(refused.html).toContain('Your complaint has not been sent yet');
        expect(refused.html).toContain('A second complaint kept');
      } finally {
        await limited.close();
      }
    });
  });
});
