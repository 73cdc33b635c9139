import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { redisOptions } from '../src/queue/redis-options.js';
import { AppProcess } from './helpers/app-process.js';
import { api, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { SMTPServer } from 'smtp-server';
import { deleteRedisKeys } from './helpers/test-app.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './helpers/test-database.js';

const run = promisify(execFile);
const ADMIN = { email: 'admin@example.org', password: 'test-admin-password-1' };
const person = { name: 'Tamsin Wetherby-Quince', email: 'tamsin.wetherby@example.org', phone: '07700 900733', postalAddress: '4 Quernmore Row, Ravensworth RV7 3QQ' };
const sentence = 'The commissioner drove through the Quernmore allotments and flattened my prize marrows';
const traces = [person.name, person.email, person.phone, person.postalAddress, 'Wetherby', 'Quernmore', '900733', 'RV7 3QQ', sentence, 'prize marrows'];

/**
 * Issue 17's "done when", on a running instance as deployed: the built API process and a worker process of their own,
 * the case erased by an admin through the pages. The mail server refuses the complainant's address, quoting it as real
 * servers do, so the failed letter job (which Redis keeps for days) and the logs are where a trace would hide.
 * Afterwards nothing of the complainant is in a full dump of the database, anywhere under the instance's Redis prefix
 * or in either process's log; the chain verifies, and the statistics (all time and for the day) are as they were but
 * for the count of erasures.
 */
describe('erasure on a running instance, through the admin pages', () => {
  let database: string;
  let smtp: SMTPServer;
  const refused: string[] = [];
  let web: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onRcptTo: (address, session, callback) => {
        refused.push(address.address);
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp as unknown as { server: { address(): { port: number } } }).server.address().port;
    database = testDatabaseName(`erase_${randomBytes(4).toString('hex')}`);
    const env = {
      NODE_ENV: 'test', DATABASE_URL: await createTestDatabase(database), REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `erase_${database.slice(-8)}`,
      LOG_LEVEL: 'info', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    };
    web = await AppProcess.start('main', env);
    worker = await AppProcess.start('worker', env);
  }, 90_000);

  afterAll(async () => {
    await web?.stop('SIGTERM');
    await worker?.stop('SIGTERM');
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await dropTestDatabase(database);
    if (web) await deleteRedisKeys({ REDIS_URL: web.env.REDIS_URL, QUEUE_PREFIX: web.env.QUEUE_PREFIX });
  });

  const dump = async () => (await run('pg_dump', ['--data-only', '--no-owner', web.env.DATABASE_URL], { maxBuffer: 256 * 1024 * 1024 })).stdout;
  /** Every key under the instance's prefix with its contents, whatever its type: queues, jobs, their results and errors. */
  const redisContents = async () => {
    const redis = new Redis(redisOptions(web.env.REDIS_URL));
    const out: string[] = [];
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${web.env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
        for (const key of keys) {
          const type = await redis.type(key);
          const value =
            type === 'string' ? await redis.get(key)
            : type === 'hash' ? await redis.hgetall(key)
            : type === 'list' ? await redis.lrange(key, 0, -1)
            : type === 'set' ? await redis.smembers(key)
            : type === 'zset' ? await redis.zrange(key, 0, -1)
            : type === 'stream' ? await redis.xrange(key, '-', '+')
            : null;
          out.push(`${key} ${JSON.stringify(value)}`);
        }
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    return out.join('\n');
  };
  const found = (text: string) => traces.filter((trace) => text.toLowerCase().includes(trace.toLowerCase()) || text.includes(Buffer.from(trace).toString('hex')));

  it('leaves no trace of the complainant in the database or Redis, the chain verifying and the figures unchanged', async () => {
    const base = web.baseUrl;
    const token = await login(base, ADMIN.email, ADMIN.password);
    const sent = await api(base, 'POST', '/api/complaints', { body: { complainant: person, subject: { role: 'pcc' }, summary: 'The commissioner damaged the allotments', details: `${sentence}. I am ${person.name}.` } });
    expect(sent.status).toBe(201);
    const reference = sent.body.reference as string;
    await waitForTriage(base, token, reference, 30_000);
    expect((await api(base, 'POST', `/api/cases/${reference}/notes`, { token, body: { text: `${person.name} rang from ${person.phone}` } })).status).toBeLessThan(300);
    // the worker emails the acknowledgement; the server refuses it, and the job fails and waits to be retried
    const failedJob = async () => (await redisContents()).split('\n').some((line) => line.includes(':letters:send.') && line.includes('failedReason'));
    for (let i = 0; i < 300 && !(refused.includes(person.email) && (await failedJob())); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(refused).toContain(person.email);
    expect(await failedJob()).toBe(true);
    expect(found(await dump())).toEqual(expect.arrayContaining([person.name, person.email, sentence]));

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const stats = async () => [(await api(base, 'GET', '/api/stats', { token })).body, (await api(base, 'GET', `/api/stats?from=${today}&to=${today}`, { token })).body];
    const before = await stats();

    const browser = new FormBrowser(base);
    const signIn = await browser.get('/login');
    await browser.post('/login', { _csrf: browser.csrfOf(signIn.html), email: ADMIN.email, password: ADMIN.password, next: `/cases/${reference}` });
    const form = await browser.get(`/admin/erasure?reference=${reference}`);
    expect(form.status).toBe(200);
    const confirm = await browser.post('/admin/erasure', { _csrf: browser.csrfOf(form.html), reference, scope: 'case', reason: 'Asked for in writing under Article 17' });
    expect(confirm.html).toContain(`Are you sure you want to erase the personal data of case ${reference}?`);
    const done = await browser.post('/admin/erasure/confirmation', { _csrf: browser.csrfOf(confirm.html), reference, scope: 'case', reason: 'Asked for in writing under Article 17' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Personal data erased');

    expect(found(await dump())).toEqual([]);
    const queued = await redisContents();
    expect(queued).toMatch(/"failedReason":"Letter [0-9a-f-]+ could not be emailed \(EENVELOPE 550 at RCPT TO\)/);
    expect(found(queued)).toEqual([]);
    expect(found(web.output + worker.output)).toEqual([]);
    expect(web.output + worker.output).toContain('letter job failed'); // the failure was logged, without the address
    expect((await api(base, 'GET', '/api/audit/verify', { token })).body.ok).toBe(true);
    const after = await stats();
    for (const [i, figures] of after.entries()) {
      expect(figures.erasures).toEqual({ request: before[i].erasures.request + 1, retention: 0, total: before[i].erasures.total + 1 });
      expect({ ...figures, generatedAt: null, erasures: null }).toEqual({ ...before[i], generatedAt: null, erasures: null });
    }
  }, 120_000);
});
