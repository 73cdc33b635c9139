import { jest } from '@jest/globals';
import type { Job, Queue } from 'bullmq';
import type pg from 'pg';
import { ALL_STEPS, ANALYSE_STEP } from '../src/triage/rules/rule.types.js';
import { RULESET_VERSION } from '../src/triage/rules/ruleset.js';
import { api, complaintBody, login } from './helpers/http.js';
import { OwnInstance, waitFor as waitUntil } from './helpers/own-instance.js';

/**
 * Micro-batched triage: one job carries one step for many complaints. Each test runs the built app in its own
 * processes against its own database and redis-server, starts the worker only once the complaints wait in the outbox
 * (so the relay takes them as one batch), and looks at the queue itself to see the batches.
 */
jest.setTimeout(240_000);

type TriageJob = Job<{ complaintId?: string; complaintIds?: string[] }>;
const complaintsOf = (job: TriageJob) => job.data.complaintIds ?? [job.data.complaintId!];

describe('triage in batches', () => {
  let instance: OwnInstance;
  let db: pg.Pool;
  let queue: Queue;
  let env: Record<string, string>;

  beforeEach(async () => {
    // Only stalled-job recovery may finish a killed worker's batches: the sweeper stays out of it.
    instance = await OwnInstance.create('batch', 'triage', { WORKER_LOCK_MS: '2000', TRIAGE_SWEEP_SECONDS: '3600', TRIAGE_BATCH_SIZE: '50' });
    ({ db, queue, env } = instance);
  });

  afterEach(async () => {
    await instance.close();
  });

  const start = (entry: 'main' | 'worker') => instance.start(entry);
  const count = (sql: string, params: unknown[] = []) => instance.count(sql, params);
  const waitFor = (what: string, check: () => Promise<boolean>) => waitUntil(what, check, 180_000);
  async function submit(baseUrl: string, amount: number): Promise<string[]> {
    const references: string[] = [];
    for (let i = 0; i < amount; i += 25) {
      const answers = await Promise.all(
        Array.from({ length: Math.min(25, amount - i) }, () =>
          api(baseUrl, 'POST', '/api/complaints', { body: complaintBody() }).then((r) => {
            expect(r.status).toBe(201);
            return r.body.reference as string;
          }),
        ),
      );
      references.push(...answers);
    }
    return references;
  }
  /** Rows per complaint and step under this rule set: every step of every complaint exactly once. */
  async function stepRowsPerComplaint(): Promise<Map<string, number>> {
    const { rows } = await db.query(
      `SELECT c.reference, all_steps.step, count(s.id)::int AS n FROM complaints c CROSS JOIN unnest($1::text[]) AS all_steps(step)
         LEFT JOIN triage_step_results s ON s.complaint_id = c.id AND s.step = all_steps.step AND s.ruleset_version = $2
        GROUP BY c.reference, all_steps.step`,
      [ALL_STEPS, RULESET_VERSION],
    );
    return new Map(rows.map((r) => [`${r.reference} ${r.step}`, r.n as number]));
  }

  it('a worker SIGKILLed in the middle of a batch: the batch runs again elsewhere, every step is recorded exactly once', async () => {
    const api_ = await start('main');
    const references = await submit(api_.baseUrl, 300);
    const first = await start('worker');
    let inFlight: TriageJob[] = [];
    await waitFor('a batch in flight', async () => {
      inFlight = ((await queue.getActive()) as TriageJob[]).filter((job) => complaintsOf(job).length > 1);
      return inFlight.length > 0;
    });
    await first.stop('SIGKILL');
    // What the killed worker held is still active in Redis (nobody can finish it): at least one batch.
    const held = ((await queue.getActive()) as TriageJob[]).filter((job) => complaintsOf(job).length > 1);
    expect(held.length).toBeGreaterThan(0);
    const triagedAtKill = await count(`SELECT count(*) AS n FROM triage_runs`);
    await start('worker');
    await waitFor('every complaint triaged', async () => (await count(`SELECT count(*) AS n FROM triage_runs`)) === 300);

    const perStep = await stepRowsPerComplaint();
    expect(perStep.size).toBe(300 * ALL_STEPS.length);
    expect([...perStep].filter(([, n]) => n !== 1)).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM complaints WHERE status = 'triaged'`)).toBe(300);
    expect(await count(`SELECT count(*) AS n FROM (SELECT complaint_id FROM triage_runs GROUP BY complaint_id HAVING count(*) > 1) twice`)).toBe(0);
    await waitFor('the case log to be chained', async () => (await count(`SELECT count(*) AS n FROM case_event_queue`)) === 0);
    expect(await count(`SELECT count(*) AS n FROM case_events WHERE type = 'triage.completed'`)).toBe(300);
    expect(new Set(references).size).toBe(300);
    console.log(`killed with ${held.length} batch job(s) in flight (${held.map((j) => `${j.name} of ${complaintsOf(j).length}`).join(', ')}) and ${triagedAtKill} of 300 triaged`);
  });

  it('a complaint Postgres refuses, in a batch of 20: the other 19 are triaged, it alone is retried, dead-lettered and retried by an admin', async () => {
    const app = await start('main');
    const references = await submit(app.baseUrl, 20);
    const poisoned = references[7];
    const { rows: [{ id: poisonedId }] } = await db.query(`SELECT id FROM complaints WHERE reference = $1`, [poisoned]);
    // Two of its steps' rows are refused (as a row with bytes Postgres cannot store would be), so every statement
    // that writes them for the whole batch fails until the trigger goes.
    await db.query(`CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE check_violation USING MESSAGE = 'refused for the test'; END $$`);
    await db.query(
      `CREATE TRIGGER refuse_row BEFORE INSERT ON triage_step_results FOR EACH ROW
         WHEN (NEW.step IN ('remit', 'political') AND NEW.complaint_id = '${poisonedId}') EXECUTE FUNCTION refuse_row()`,
    );
    await start('worker'); // the relay finds 20 complaints waiting: one batch

    await waitFor('the other 19 to be triaged', async () => (await count(`SELECT count(*) AS n FROM triage_runs`)) === 19);
    expect(await count(`SELECT count(*) AS n FROM triage_runs WHERE complaint_id = $1`, [poisonedId])).toBe(0);
    const analyseJobs = (await queue.getJobs(['completed'])).filter((job) => job.name === ANALYSE_STEP) as TriageJob[];
    expect(analyseJobs.map((job) => complaintsOf(job).length)).toEqual([20]);

    // Its failing steps wait alone, with the usual attempts and backoff; no batch job failed.
    let alone: TriageJob[] = [];
    await waitFor('its steps queued alone', async () => {
      alone = (await queue.getJobs(['delayed', 'failed', 'waiting', 'active'])) as TriageJob[];
      return alone.length > 0 && alone.every((job) => job.attemptsMade >= 1);
    });
    expect(alone.every((job) => job.data.complaintId === poisonedId && !job.data.complaintIds)).toBe(true);
    const failingSteps = alone.map((job) => job.name).sort();
    expect(failingSteps).toEqual(['political', 'remit']);
    // Skip the backoff waits (the same attempts, sooner) until each has failed for good.
    await waitFor('its jobs to fail every attempt', async () => {
      for (const job of (await queue.getJobs(['delayed'])) as TriageJob[]) await job.promote().catch(() => undefined);
      return (await queue.getFailedCount()) === failingSteps.length;
    });

    const token = await login(app.baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    const listed = (await api(app.baseUrl, 'GET', '/api/admin/dead-letters', { token })).body;
    expect(listed.total).toBe(failingSteps.length);
    expect(listed.items.map((item: { complaintId: string }) => item.complaintId)).toEqual(failingSteps.map(() => poisonedId));
    expect(listed.items.map((item: { step: string }) => item.step).sort()).toEqual(failingSteps);
    expect(listed.items.every((item: { attempts: number }) => item.attempts === 8)).toBe(true);

    // Mended, and retried by an admin: it is triaged, and every complaint has every step exactly once.
    await db.query(`DROP TRIGGER refuse_row ON triage_step_results`);
    const retried = await api(app.baseUrl, 'POST', '/api/admin/dead-letters/retry', { token, body: { jobIds: listed.items.map((item: { jobId: string }) => item.jobId) } });
    expect(retried.body).toEqual({ retried: failingSteps.length });
    await waitFor('it to be triaged', async () => (await count(`SELECT count(*) AS n FROM triage_runs`)) === 20);
    const perStep = await stepRowsPerComplaint();
    expect([...perStep].filter(([, n]) => n !== 1)).toEqual([]);
    console.log(`poisoned ${poisoned}: ${failingSteps.join(', ')} were refused alone and dead-lettered; the other 19 were triaged from one batch`);
  });
});
