import { createHmac } from 'node:crypto';
import { api, complaintBody, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

type Who = 'anonymous' | 'officer' | 'auditor' | 'admin';

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function jwt(claims: object, secret: string | null, alg = 'HS256'): string {
  const head = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}`;
  return secret ? `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}` : `${head}.`;
}

describe('access control: every route against every role', () => {
  let t: TestApp;
  const tokens: Partial<Record<Who, string>> = {};
  let reference: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_SECRET: 'access-control-test-secret-0123456789abcdef' });
    tokens.admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (const role of ['officer', 'auditor'] as const) {
      await api(t.baseUrl, 'POST', '/api/users', { token: tokens.admin, body: { email: `${role}@example.org`, password: 'a-long-password-1', role } });
      tokens[role] = await login(t.baseUrl, `${role}@example.org`, 'a-long-password-1');
    }
    reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).body.reference;
    await waitForTriage(t.baseUrl, tokens.admin, reference);
  });

  afterAll(async () => {
    await t.close();
  });

  // [method, path, body, expected status for anonymous, officer, auditor, admin]
  const routes = (): Array<[string, string, unknown, number, number, number, number]> => [
    ['GET', '/health', undefined, 200, 200, 200, 200],
    ['GET', '/api/docs-json', undefined, 200, 200, 200, 200],
    ['POST', '/api/complaints', complaintBody(), 201, 201, 201, 201],
    ['GET', '/api/cases', undefined, 401, 200, 200, 200],
    ['GET', `/api/cases/${reference}`, undefined, 401, 200, 200, 200],
    ['GET', `/api/cases/${reference}/history`, undefined, 401, 200, 200, 200],
    ['GET', `/api/cases/${reference}/letters`, undefined, 401, 200, 403, 200],
    ['GET', '/api/stats', undefined, 401, 200, 200, 200],
    ['GET', '/api/stats.csv?year=2026-27', undefined, 401, 200, 200, 200],
    ['POST', '/api/cases', { ...complaintBody(), receivedAt: '2026-11-02T09:00:00Z', channel: 'letter' }, 401, 201, 403, 201],
    ['POST', `/api/cases/${reference}/assignment`, { assigneeId: null }, 401, 204, 403, 204],
    ['POST', `/api/cases/${reference}/outcome`, { kind: 'acknowledged', notes: 'by phone' }, 401, 200, 403, 409],
    ['POST', `/api/cases/${reference}/retriage`, {}, 401, 200, 403, 200],
    ['POST', `/api/cases/${reference}/classification/confirmation`, { confirm: true, reason: 'x' }, 401, 409, 403, 409],
    ['GET', '/api/users', undefined, 401, 403, 403, 200],
    ['PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { disabled: false }, 401, 403, 403, 404],
    ['GET', '/api/auth/session', undefined, 401, 200, 200, 200],
    ['POST', '/api/users', { email: `new${Date.now()}@example.org`, password: 'a-long-password-1', role: 'officer' }, 401, 403, 403, 201],
    ['GET', '/api/admin/dead-letters', undefined, 401, 403, 403, 200],
    ['POST', '/api/admin/dead-letters/retry', {}, 401, 403, 403, 200],
    ['GET', `/api/cases/${reference}/erasure`, undefined, 401, 403, 403, 200],
    ['POST', `/api/cases/${reference}/erasure`, {}, 401, 403, 403, 400],
    ['GET', '/api/erasures', undefined, 401, 403, 403, 200],
    ['GET', '/api/legal-holds', undefined, 401, 403, 403, 200],
    ['POST', `/api/cases/${reference}/legal-hold`, { held: false, reason: 'x' }, 401, 403, 403, 409],
    ['GET', '/api/retention', undefined, 401, 403, 403, 200],
    ['GET', `/api/cases/${reference}/subject-access`, undefined, 401, 200, 403, 200],
    ['GET', `/api/cases/${reference}/subject-access.zip`, undefined, 401, 200, 403, 200],
    ['GET', '/api/retention/terms', undefined, 401, 403, 403, 200],
    ['DELETE', '/api/retention/terms/00000000-0000-4000-8000-000000000000', undefined, 401, 403, 403, 404],
    // the admin pages for personal data (a bearer token signs in to pages too; JSON bodies need no form token);
    // anonymous visitors are redirected to the sign-in page, which fetch follows: 200 there is the sign-in form
    ['GET', `/admin/erasure?reference=${reference}`, undefined, 200, 403, 403, 200],
    ['POST', '/admin/erasure', { reference, scope: 'case', reason: '' }, 200, 403, 403, 400],
    ['POST', '/admin/erasure/confirmation', { reference, scope: 'case', reason: '' }, 200, 403, 403, 400],
    ['GET', `/admin/erasure/done?reference=${reference}`, undefined, 200, 403, 403, 404],
    ['GET', '/admin/erasures', undefined, 200, 403, 403, 200],
    ['GET', `/admin/legal-holds?reference=${reference}`, undefined, 200, 403, 403, 200],
    ['POST', '/admin/legal-holds', { reference, action: 'lift', liftReason: 'x' }, 200, 403, 403, 409],
    ['GET', '/admin/retention', undefined, 200, 403, 403, 200],
    ['POST', '/admin/retention/terms', { subjectRole: 'pcc' }, 200, 403, 403, 400],
    ['POST', '/admin/retention/terms/00000000-0000-4000-8000-000000000000/removal', {}, 200, 403, 403, 404],
  ];

  it('answers each role as the matrix says', async () => {
    const mismatches: string[] = [];
    for (const [method, path, body, ...expected] of routes()) {
      const whos: Who[] = ['anonymous', 'officer', 'auditor', 'admin'];
      for (const [i, who] of whos.entries()) {
        const sent = path.includes('/users') && method === 'POST' && body ? { ...(body as object), email: `new${who}${Date.now()}@example.org` } : body;
        const { status } = await api(t.baseUrl, method, path, { token: tokens[who], body: sent });
        if (status !== expected[i]) mismatches.push(`${who} ${method} ${path}: ${status}, expected ${expected[i]}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('sends anonymous visitors of staff pages to sign in, and keeps auditors out of officers’ forms', async () => {
    const anonymous = await fetch(`${t.baseUrl}/cases`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fcases');
    const auditor = new FormBrowser(t.baseUrl);
    const page = await auditor.get('/login');
    await auditor.post('/login', { _csrf: auditor.csrfOf(page.html), email: 'auditor@example.org', password: 'a-long-password-1', next: `/cases/${reference}` });
    const seen = await auditor.get(`/cases/${reference}`);
    expect(seen.status).toBe(200);
    expect(seen.html).not.toContain('action="/cases/' + reference + '/outcome"');
    const refused = await auditor.post(`/cases/${reference}/outcome`, { _csrf: auditor.csrfOf(seen.html), kind: 'withdrawn', notes: 'x' });
    expect(refused.status).toBe(403);
  });

  it('refuses expired, forged and unsigned tokens', async () => {
    // The admin's own session, re-signed in every wrong way: only the right secret, algorithm, issuer and time pass.
    const { sub, sid } = JSON.parse(Buffer.from(tokens.admin!.split('.')[1], 'base64url').toString()) as { sub: string; sid: string };
    const claims = { sub, sid, iss: 'pcc-triage' };
    const now = Math.floor(Date.now() / 1000);
    const secret = t.env.AUTH_SECRET;
    expect((await api(t.baseUrl, 'GET', '/api/users', { token: jwt({ ...claims, iat: now, exp: now + 60 }, secret) })).status).toBe(200);
    expect((await api(t.baseUrl, 'GET', '/api/users', { token: jwt({ ...claims, iat: now - 120, exp: now - 60 }, secret) })).status).toBe(401);
    expect((await api(t.baseUrl, 'GET', '/api/users', { token: jwt({ ...claims, iat: now, exp: now + 60 }, 'another-secret-of-enough-length-0123456789') })).status).toBe(401);
    expect((await api(t.baseUrl, 'GET', '/api/users', { token: jwt({ ...claims, iat: now, exp: now + 60 }, null, 'none') })).status).toBe(401);
    expect((await api(t.baseUrl, 'GET', '/api/users', { token: jwt({ ...claims, iat: now, exp: now + 60, iss: 'elsewhere' }, secret) })).status).toBe(401);
    // A well-signed token naming a user or session that does not exist signs nobody in.
    const nobody = { sub: '00000000-0000-4000-8000-000000000000', sid, iss: 'pcc-triage', iat: now, exp: now + 60 };
    expect((await api(t.baseUrl, 'GET', '/api/users', { token: jwt(nobody, secret) })).status).toBe(401);
  });

  it('sets HttpOnly, SameSite cookies (Secure behind TLS) and security headers', async () => {
    const page = await fetch(`${t.baseUrl}/complaints/new`);
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith('pcc_csrf='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');

    const behindTls = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      const secure = await fetch(`${behindTls.baseUrl}/complaints/new`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(secure.headers.getSetCookie().find((c) => c.startsWith('pcc_csrf='))).toMatch(/; Secure/i);
      const plain = await fetch(`${behindTls.baseUrl}/complaints/new`);
      expect(plain.headers.getSetCookie().find((c) => c.startsWith('pcc_csrf='))).not.toMatch(/; Secure/i);
    } finally {
      await behindTls.close();
    }
  });
});
