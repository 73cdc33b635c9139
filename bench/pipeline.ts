import pg from 'pg';
import { childPids, processCpuMs, treeCpuMs } from './cpu.js';
import { measureIntake, submitAtRate, type CpuSources, type IntakeResult, type RateResult } from './intake.js';
import { startProcess, type Running } from './processes.js';

/** `single`: `npm start`'s one command (API and workers); `split`: `npm run start:api` and `npm run start:worker`. */
export type Mode = 'single' | 'split';

export interface Drain {
  complaints: number;
  /** from the workers being ready to the last complaint classified */
  seconds: number;
  perSecond: number;
  /** step results stored per complaint drained (every step recorded once: the same for all) */
  stepsPerComplaint: { min: number; max: number };
}

export interface Latency {
  rate: RateResult;
  complaints: number;
  /** submission (received_at) to classification (the triage run's completed_at), ms */
  p50: number;
  p95: number;
  p99: number;
  /** after the load stopped, how long the last complaints took to be classified */
  catchUpSeconds: number;
}

export interface ModeFigures {
  mode: Mode;
  casesAtStart: number;
  /** the API alone (no workers running) taking the 10,000 that are then drained */
  intakeAlone: IntakeResult;
  drain: Drain;
  steady: Latency[];
  /** full-speed intake with the mode's processes all running, triage included */
  intakeWithTriage: IntakeResult & { triageCatchUpSeconds: number };
}

export interface PipelineSettings {
  appEnv: Record<string, string>;
  /** How to tell the API is up: the cluster's primary logs when all its processes listen; one process alone does not. */
  apiReady: { readyText?: string };
  db: pg.Pool;
  burst: number;
  rates: { rate: number; seconds: number; connections: number }[];
  intakeRequests: number;
  /** Postgres runs without autovacuum: VACUUM ANALYZE between phases, as autovacuum would after a burst (see settle). */
  vacuumBetweenPhases: boolean;
  /** the next complainant number to use; each complaint has its own */
  take(count: number): number;
  log(line: string): void;
}

/**
 * Between a burst and the next phase, what autovacuum does in service. This machine's Postgres runs without it (a CI
 * setting, `SHOW autovacuum`); then the 10,000 drained complaints' dead rows (queue tables, updated complaints) and
 * statistics from before the burst doubled Postgres's CPU a complaint in the next phase (5.5 to 10.9 ms at 100/s).
 * Whether it ran is in the results.
 */
async function settle(settings: PipelineSettings, mode: Mode): Promise<void> {
  if (!settings.vacuumBetweenPhases) return;
  settings.log(`${mode}: VACUUM ANALYZE (autovacuum is off on this server)`);
  await settings.db.query('VACUUM ANALYZE');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API's CPU: a cluster primary's API processes (its children), or the process itself when it serves alone. */
function apiCpu(api: Running, workersInPrimary: boolean): CpuSources {
  const primary = api.child.pid!;
  const clustered = () => childPids(primary).length > 0;
  if (!workersInPrimary) return { api: () => treeCpuMs(primary).cpuMs };
  return {
    api: () => (clustered() ? treeCpuMs(primary).cpuMs - processCpuMs(primary) : treeCpuMs(primary).cpuMs),
    workers: () => (clustered() ? processCpuMs(primary) : 0),
  };
}

/**
 * One mode's figures at the current size: 10,000 complaints queued by the API alone, then drained by the mode's
 * processes; submit-to-classified at steady rates; full-speed intake while the workers triage.
 */
export async function measureMode(mode: Mode, settings: PipelineSettings): Promise<ModeFigures> {
  const { db, log } = settings;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  const waitUntilClassified = async (what: string, timeoutMs = 900_000) => {
    const until = Date.now() + timeoutMs;
    while ((await count(`SELECT count(*) AS n FROM complaints WHERE status = 'received'`)) > 0) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(200);
    }
  };
  const cluster = settings.apiReady;
  const env = settings.appEnv;
  const casesAtStart = await count('SELECT count(*) AS n FROM complaints');

  log(`${mode}: ${settings.burst} complaints queued by the API alone (workers stopped)`);
  const apiAlone = await startProcess('main', env, cluster);
  const intakeAlone = await measureIntake(apiAlone.baseUrl, apiCpu(apiAlone, false), { requests: settings.burst, connections: 50, start: settings.take(settings.burst) });
  await apiAlone.stop();
  const queued = await count(`SELECT count(*) AS n FROM complaints WHERE status = 'received'`);

  log(`${mode}: draining them`);
  const running: Running[] = [];
  let api: Running;
  let cpu: CpuSources;
  if (mode === 'single') {
    api = await startProcess('main', env, { ...cluster, args: ['--with-worker'] });
    running.push(api);
    cpu = apiCpu(api, true);
  } else {
    api = await startProcess('main', env, cluster);
    const worker = await startProcess('worker', env);
    running.push(api, worker);
    cpu = { ...apiCpu(api, false), workers: () => treeCpuMs(worker.child.pid!).cpuMs };
  }
  try {
    const readyAt = performance.now();
    const leftAtReady = await count(`SELECT count(*) AS n FROM complaints WHERE status = 'received'`);
    await waitUntilClassified('the queued complaints');
    const seconds = (performance.now() - readyAt) / 1000;
    const { rows: [steps] } = await db.query(
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (
         SELECT c.id, count(s.id) AS n FROM complaints c LEFT JOIN triage_step_results s ON s.complaint_id = c.id
          WHERE c.received_at >= now() - interval '2 hours' AND c.channel = 'api' GROUP BY c.id ORDER BY c.received_at DESC LIMIT $1) x`,
      [queued],
    );
    const drain = { complaints: leftAtReady, seconds: round(seconds), perSecond: Math.round(leftAtReady / seconds), stepsPerComplaint: steps };

    const steady: Latency[] = [];
    for (const { rate, seconds: duration, connections } of settings.rates) {
      await settle(settings, mode);
      log(`${mode}: a steady ${rate} complaints a second for ${duration} s`);
      const from = new Date();
      const sent = await submitAtRate(api.baseUrl, { rate, seconds: duration, connections, start: settings.take(rate * duration * 2) });
      const to = new Date();
      const stoppedAt = performance.now();
      await waitUntilClassified(`the ${rate}/s load`);
      const catchUpSeconds = round((performance.now() - stoppedAt) / 1000);
      const { rows: [latency] } = await db.query(
        `SELECT count(*)::int AS complaints,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - c.received_at)) * 1000 AS p50,
                percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - c.received_at)) * 1000 AS p95,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM r.completed_at - c.received_at)) * 1000 AS p99
           FROM complaints c JOIN triage_runs r ON r.complaint_id = c.id WHERE c.received_at >= $1 AND c.received_at <= $2`,
        [from, to],
      );
      steady.push({ rate: sent, complaints: latency.complaints, p50: Math.round(latency.p50), p95: Math.round(latency.p95), p99: Math.round(latency.p99), catchUpSeconds });
      await sleep(2000);
    }

    await settle(settings, mode);
    log(`${mode}: full-speed intake of ${settings.intakeRequests} complaints with the workers running`);
    const intake = await measureIntake(api.baseUrl, cpu, { requests: settings.intakeRequests, connections: 50, start: settings.take(settings.intakeRequests) });
    const stoppedAt = performance.now();
    await waitUntilClassified('the full-speed intake');
    return { mode, casesAtStart, intakeAlone, drain, steady, intakeWithTriage: { ...intake, triageCatchUpSeconds: round((performance.now() - stoppedAt) / 1000) } };
  } finally {
    for (const process_ of running.reverse()) await process_.stop();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
