import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { AppProcess } from './helpers/app-process.js';
import { api, FormBrowser, login } from './helpers/http.js';
import { deleteRedisKeys } from './helpers/test-app.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './helpers/test-database.js';

/** Distinctive personal data, so any trace of it in a log line or a case event is unmistakable. */
const person = {
  name: 'Perpetua Quillfeather',
  email: 'perpetua.quillfeather@example.org',
  phone: '07700 900461',
  postalAddress: '17 Marrowbone Lane, Ravensworth RV4 9ZQ',
};
const formPerson = { name: 'Ignatius Thorncastle', email: 'ignatius.thorncastle@example.org', phone: '07700 900982', postalAddress: '3 Yarrow Close, Ravensworth RV2 1XX' };
const traces = [...Object.values(person), ...Object.values(formPerson), 'Quillfeather', 'Thorncastle', 'Marrowbone', 'Yarrow Close', '900461', '900982'];

describe('personal data stays out of logs and out of the case log', () => {
  let database: string;
  let app: AppProcess;

  beforeAll(async () => {
    database = testDatabaseName(`pii_${randomBytes(4).toString('hex')}`);
    const url = await createTestDatabase(database);
    app = await AppProcess.start('main', {
      NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `pii_${database.slice(-8)}`,
      LOG_LEVEL: 'trace', ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'test-admin-password-1', INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0',
    }, ['--with-worker']);
  });

  afterAll(async () => {
    await app.stop('SIGTERM');
    await dropTestDatabase(database);
    await deleteRedisKeys({ REDIS_URL: app.env.REDIS_URL, QUEUE_PREFIX: app.env.QUEUE_PREFIX });
  });

  it('logs a full run (API and form intake, triage, case work, letters, status page, a failing request) without any of it', async () => {
    const base = app.baseUrl;
    const token = await login(base, 'admin@example.org', 'test-admin-password-1');
    const submitted = await api(base, 'POST', '/api/complaints', {
      body: { complainant: person, subject: { role: 'pcc' }, summary: 'The commissioner never replied to me', details: `I am ${person.name} and the commissioner ignored my three letters.` },
    });
    expect(submitted.status).toBe(201);
    const reference = submitted.body.reference as string;
    const bad = await api(base, 'POST', '/api/complaints', { body: { complainant: { ...person, email: `${person.email}@@` }, subject: { role: 'pcc' }, summary: 's', details: 'd' } });
    expect(bad.status).toBe(400);

    const browser = new FormBrowser(base);
    const form = await browser.get('/complaints/new');
    const sent = await browser.post('/complaints', { _csrf: browser.csrfOf(form.html), ...formPerson, subjectRole: 'mayor', subjectName: '', summary: 'The mayor was rude to me', details: 'She mocked me at the meeting.', incidentDate: '' });
    expect(sent.status).toBe(200);

    for (let i = 0; i < 100; i++) {
      const found = await api(base, 'GET', `/api/cases/${reference}`, { token });
      if (found.body.triage) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await api(base, 'POST', `/api/cases/${reference}/classification`, { token, body: { category: 'conduct', reason: `Complaint by ${person.name}` } });
    await api(base, 'POST', `/api/cases/${reference}/notes`, { token, body: { text: `${person.name} rang from ${person.phone}`, contactChannel: 'phone', contactDirection: 'from_complainant' } });
    await api(base, 'PATCH', `/api/cases/${reference}/complainant`, { token, body: { phone: `${person.phone} (mobile)` } });
    for (let i = 0; i < 100 && !(await api(base, 'GET', `/api/cases/${reference}/letters`, { token })).body.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const [acknowledgement] = (await api(base, 'GET', `/api/cases/${reference}/letters`, { token })).body; // made by the worker; no SMTP here, so a draft
    expect((await api(base, 'POST', `/api/cases/${reference}/letters/${acknowledgement.id}/sending`, { token, body: { delivery: 'post' } })).status).toBe(200);
    await api(base, 'POST', `/api/cases/${reference}/outcome`, { token, body: { kind: 'withdrawn', notes: `${person.name} withdrew by letter from ${person.postalAddress}` } });
    await api(base, 'GET', `/api/cases?q=${encodeURIComponent(person.name)}`, { token });
    const status = await browser.post('/complaints/status', { _csrf: browser.csrfOf(form.html), reference, email: person.email });
    expect(status.status).toBe(200);
    await api(base, 'POST', '/api/auth/login', { body: { email: person.email, password: 'guess' } });

    const db = new pg.Client({ connectionString: app.env.DATABASE_URL });
    await db.connect();
    const events = (await db.query(`SELECT type, details::text AS details, actor, reference FROM case_events`)).rows.map((r) => JSON.stringify(r)).join('\n');
    await db.end();
    await app.stop('SIGTERM');

    expect(app.output.length).toBeGreaterThan(1000); // the run was logged, at trace level
    const leaked = (text: string) => traces.filter((trace) => text.toLowerCase().includes(trace.toLowerCase()));
    expect(leaked(app.output)).toEqual([]);
    expect(leaked(events)).toEqual([]);
    expect(events).toContain('complaint.received');
  });
});
