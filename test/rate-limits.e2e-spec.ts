import { api, complaintBody, FormBrowser } from './helpers/http.js';
import { OwnRedis } from './helpers/redis-server.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('rate limits per client address, shared through Redis', () => {
  let redis: OwnRedis;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    const limits = { REDIS_URL: redis.url, INTAKE_RATE_LIMIT: '4', LOGIN_RATE_LIMIT: '20', TRUST_PROXY: 'true', QUEUE_PREFIX: 'rate_shared' };
    first = await startTestApp(limits);
    second = await startTestApp(limits); // a second API process on the same Redis
  });

  afterAll(async () => {
    await redis.start();
    await first.close();
    await second.close();
    await redis.kill();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const submit = (app: TestApp, address: string) => api(app.baseUrl, 'POST', '/api/complaints', { body: complaintBody(), headers: from(address) });

  it('refuses the fifth submission a minute from one address, across both processes, with Retry-After', async () => {
    const statuses = [];
    for (const app of [first, second, first, second, first]) statuses.push((await submit(app, '203.0.113.1')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const refused = await submit(second, '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.message[0]).toMatch(/Too many submissions/);
    expect((await submit(first, '203.0.113.2')).status).toBe(201); // another address has its own allowance
  });

  it('counts the web form against the same limit', async () => {
    const browser = new FormBrowser(first.baseUrl, from('203.0.113.3'));
    const page = await browser.get('/complaints/new');
    for (let i = 0; i < 4; i++) await submit(first, '203.0.113.3');
    const response = await browser.post('/complaints', { _csrf: browser.csrfOf(page.html), name: 'A', email: 'a@example.org', subjectRole: 'pcc', summary: 's', details: 'd' });
    expect(response.status).toBe(429);
    expect(response.html).toContain('Too many complaints have been sent from your connection');
    expect(response.html).toContain('name="summary"'); // the form again, with what was typed
  });

  it('locks an account only for the address guessing its password', async () => {
    const wrong = { email: ADMIN.email, password: 'not-the-password' };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api(first.baseUrl, 'POST', '/api/auth/login', { body: wrong, headers: from('198.51.100.7') })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const rightFromGuesser = await api(first.baseUrl, 'POST', '/api/auth/login', { body: ADMIN, headers: from('198.51.100.7') });
    expect(rightFromGuesser.status).toBe(429);
    const realOfficer = await api(second.baseUrl, 'POST', '/api/auth/login', { body: ADMIN, headers: from('192.0.2.10') });
    expect(realOfficer.status).toBe(200);
  });

  it('never refuses a complaint because Redis is down: each process counts on its own meanwhile', async () => {
    await redis.kill();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await submit(first, '203.0.113.9')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    await redis.start();
  });

  it('switches a limit off with 0', async () => {
    const unlimited = await startTestApp({ REDIS_URL: redis.url, INTAKE_RATE_LIMIT: '0' });
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 10; i++) statuses.add((await api(unlimited.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).status);
      expect([...statuses]).toEqual([201]);
    } finally {
      await unlimited.close();
    }
  });
});
