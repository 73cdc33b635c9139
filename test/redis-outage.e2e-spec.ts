import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { OwnRedis } from './helpers/redis-server.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('a complaint accepted while Redis is down', () => {
  let redis: OwnRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url });
  });

  afterAll(async () => {
    await redis.start(); // closing the app needs Redis
    await t.close();
    await redis.kill();
  });

  it('is stored at once and triaged when Redis is back', async () => {
    const token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await redis.kill();

    const references: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
      expect(response.status).toBe(201);
      references.push(response.body.reference);
    }
    expect((await api(t.baseUrl, 'GET', '/health')).status).toBe(503);
    const [{ waiting }] = await t.db.query(`SELECT count(*)::int AS waiting FROM outbox WHERE dispatched_at IS NULL`);
    expect(waiting).toBe(10); // each asks for triage and its acknowledgement letter

    await redis.start();
    for (const reference of references) {
      const triaged = await waitForTriage(t.baseUrl, token, reference, 30_000);
      expect(triaged.triage.steps.length).toBe(9);
    }
    expect((await api(t.baseUrl, 'GET', '/health')).status).toBe(200);
    const [{ runs }] = await t.db.query(`SELECT count(*)::int AS runs FROM triage_runs`);
    expect(runs).toBe(5);
  });
});
