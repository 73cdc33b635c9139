import { get } from 'node:http';
import { CaseLogChainer } from '../src/audit/case-log-chainer.service.js';
import { api, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('an export cut off by the client', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { api: true, worker: false });
    await t.app.get(CaseLogChainer).flush(); // the events of start-up first, so the filler continues the sequence
    // Filler rows: the chain does not matter here, only that the body is far larger than the sockets' buffers.
    await t.db.query(
      `INSERT INTO case_events (sequence, occurred_at, reference, actor, type, details, prev_hash, hash)
       SELECT s, now(), 'PCC-FILL-' || lpad(s::text, 6, '0'), 'system', 'test.filler', jsonb_build_object('n', s), repeat('0', 64), repeat('f', 64)
         FROM generate_series((SELECT coalesce(max(sequence), 0) + 1 FROM case_events), 100000) s`,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  /** Reads the first chunk of an export, waits while the server fills what buffers it has, then hangs up. */
  function startThenHangUp(token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = get(`${t.baseUrl}/api/audit/export?format=csv`, { headers: { authorization: `Bearer ${token}` }, agent: false }, (response) => {
        response.once('data', () => {
          response.pause();
          setTimeout(() => {
            request.destroy();
            resolve();
          }, 200);
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
  }

  it('stops reading the cursor (back-pressure) and is logged as not completed, with the rows sent', async () => {
    const token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await startThenHangUp(token);

    let logged: Array<{ details: { rows: number; completed: boolean } }> = [];
    for (let i = 0; i < 100 && !logged.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      logged = await t.db.query(`SELECT details FROM case_events WHERE type = 'audit.exported'`);
    }
    expect(logged).toHaveLength(1);
    expect(logged[0].details.completed).toBe(false);
    expect(logged[0].details.rows).toBeGreaterThan(0);
    expect(logged[0].details.rows).toBeLessThan(100_000);
    // The cut-off cursor's connection was discarded, not reused half-way: the next export works.
    const next = await api(t.baseUrl, 'GET', '/api/audit/export?format=jsonl&type=audit.exported', { token });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ type: 'audit.exported', details: { completed: false } }); // one line, so it parses as one object
  });
});
