import { TriageQueueService } from '../src/triage/triage-queue.service.js';
import { api, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('dead letters: jobs that keep failing are shown to admins and can be retried', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists a job that failed for good, and puts it back on the queue on request', async () => {
    const token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    const missing = '00000000-0000-4000-8000-000000000000';
    await t.app.get(TriageQueueService).requestTriage([missing]); // a complaint that does not exist: the analyse job fails unrecoverably

    let listed: any;
    for (let i = 0; i < 100 && !(listed?.total >= 1); i++) {
      listed = (await api(t.baseUrl, 'GET', '/api/admin/dead-letters', { token })).body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(listed.total).toBe(1); // the analyse step fails for good; no other step is queued after it
    expect(listed.items[0]).toMatchObject({ complaintId: missing, attempts: 1, failedReason: expect.stringContaining('does not exist') });

    const retried = await api(t.baseUrl, 'POST', '/api/admin/dead-letters/retry', { token, body: { jobIds: [listed.items[0].jobId] } });
    expect(retried.body).toEqual({ retried: 1 });
    const bad = await api(t.baseUrl, 'POST', '/api/admin/dead-letters/retry', { token, body: { jobIds: 'all' } });
    expect(bad.status).toBe(400);
  });
});
