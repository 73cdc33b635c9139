import fc from 'fast-check';
import { api, complaintBody, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/** Junk a public form or API gets from bots and scripts: any JSON, hostile strings, pollution keys, odd dates. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '𝕳𝖊𝖑𝖑𝖔', '﷽'.repeat(300), "'; DROP TABLE complaints; --", '<script>alert(1)</script>', '{{7*7}}', '${process.exit()}', '../../etc/passwd', ' '),
);
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
const hostileDate = fc.oneof(fc.constantFrom('2099-01-01', '2026-02-30', '0000-00-00', '1899-12-31', '2026-13-01', '2026-1-1', 'yesterday', '2026-11-25T00:00:00Z'), hostileString);

/** encodeURIComponent refuses half a surrogate pair; a bot sends the raw bytes anyway (here: invalid UTF-8). */
const urlPart = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

describe('hostile input: only 4xx, nothing stored, text kept verbatim and shown escaped', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const complaints = async () => Number((await t.db.query(`SELECT count(*) AS n FROM complaints`))[0].n);

  /** The property every public endpoint must hold: never a 5xx; a refusal stores nothing. */
  async function expectRefusedCleanly(send: () => Promise<number>, created = 201): Promise<void> {
    const before = await complaints();
    const status = await send();
    expect(status).toBeLessThan(500);
    expect(await complaints()).toBe(status === created ? before + 1 : before);
  }

  it('POST /api/complaints with arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        await expectRefusedCleanly(async () => (await api(t.baseUrl, 'POST', '/api/complaints', { body: JSON.stringify(body) ?? 'null' })).status);
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/complaints with one field of a good complaint spoilt', async () => {
    const fields = ['complainant', 'complainant.name', 'complainant.email', 'complainant.phone', 'complainant.postalAddress', 'subject', 'subject.role', 'subject.name', 'summary', 'details', 'incidentDate', '__proto__', 'constructor', 'extra'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.oneof(hostileValue, hostileDate), async (field, value) => {
        const body = complaintBody() as Record<string, any>;
        const [outer, inner] = field.split('.');
        if (inner) body[outer] = { ...body[outer], [inner]: value };
        else body[outer] = value;
        const raw = field === '__proto__' ? JSON.stringify(body).replace('"summary"', `"__proto__":${JSON.stringify(value) ?? 'null'},"summary"`) : JSON.stringify(body);
        await expectRefusedCleanly(async () => (await api(t.baseUrl, 'POST', '/api/complaints', { body: raw })).status);
      }),
      { numRuns: 250 },
    );
  });

  it('POST /complaints (the form) with junk fields and a valid CSRF token', async () => {
    const browser = new FormBrowser(t.baseUrl);
    const csrf = browser.csrfOf((await browser.get('/complaints/new')).html);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('name', 'email', 'subjectRole', 'summary', 'details', 'incidentDate', 'phone', 'x', '__proto__'), hostileString), async (fields) => {
        await expectRefusedCleanly(async () => (await browser.post('/complaints', { ...fields, _csrf: csrf })).status, 200);
      }),
      { numRuns: 120 },
    );
  });

  it('sign-in, the status page, the queue and outcomes with junk', async () => {
    const reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).body.reference;
    await waitForTriage(t.baseUrl, officer, reference);
    await fc.assert(
      fc.asyncProperty(fc.anything(), hostileString, async (body, text) => {
        const statuses = [
          (await api(t.baseUrl, 'POST', '/api/auth/login', { body: JSON.stringify(body) ?? 'null' })).status,
          (await api(t.baseUrl, 'GET', `/api/cases?q=${urlPart(text)}&category=${urlPart(text)}&page=${urlPart(text)}`, { token: officer })).status,
          (await api(t.baseUrl, 'GET', `/api/cases/${urlPart(text)}`, { token: officer })).status,
          (await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: officer, body: JSON.stringify(body) ?? 'null' })).status,
          (await api(t.baseUrl, 'POST', `/api/cases/${reference}/classification`, { token: officer, body: { category: text, reason: text } })).status,
        ];
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
      }),
      { numRuns: 80 },
    );
    const status = await new FormBrowser(t.baseUrl).post('/complaints/status', { reference: '\u0000', email: '<x>' });
    expect(status.status).toBeLessThan(500);
  });

  it('refuses bodies over the size limit with 413, and wrong content types with 415', async () => {
    const huge = complaintBody({ details: 'x'.repeat(200_000) });
    expect((await api(t.baseUrl, 'POST', '/api/complaints', { body: huge })).status).toBe(413);
    const xml = await fetch(`${t.baseUrl}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<complaint/>' });
    expect(xml.status).toBe(415);
  });

  it('stores SQL and HTML verbatim and always renders them escaped', async () => {
    const sql = "Robert'); DROP TABLE complaints; --";
    const html = '<img src=x onerror=alert(1)><script>alert("pwned")</script>';
    const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ summary: sql, details: html, complainant: { name: html, email: 'bobby@example.org' } }) });
    const found = await waitForTriage(t.baseUrl, officer, body.reference);
    expect(found.summary).toBe(sql);
    expect(found.details).toBe(html);
    expect(found.complainant.name).toBe(html);
    const browser = new FormBrowser(t.baseUrl);
    const loginPage = await browser.get('/login');
    await browser.post('/login', { _csrf: browser.csrfOf(loginPage.html), email: ADMIN.email, password: ADMIN.password, next: `/cases/${body.reference}` });
    const page = await browser.get(`/cases/${body.reference}`);
    expect(page.html).not.toContain('<img src=x');
    expect(page.html).not.toContain('<script>alert("pwned")');
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const queue = await browser.get('/cases?q=Robert');
    expect(queue.html).toContain('Robert&#39;); DROP TABLE complaints; --');
  });
});
