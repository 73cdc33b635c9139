import 'reflect-metadata';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { loadEnvironment } from '../src/config/environment.js';
import { dropDatabase, freshDatabase, scratchUrl } from './bench-database.js';
import { submitComplaints } from './load.js';
import { startProcess } from './processes.js';

const PREFIX = 'bench_ack';
const TICKS = 100; // Linux's USER_HZ: /proc/<pid>/stat counts CPU time in hundredths of a second

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14 and 15 of the whole line)
}

/**
 * npm run bench:acknowledgement -- [--complaints N]: what the acknowledgement letter, made and emailed by a worker on
 * receipt, costs intake and triage. Two rounds on one scratch database, each N complaints (default 3,000) posted to
 * an API process at full speed, then drained by one worker process against a real SMTP server in this process:
 * once with the acknowledgement as it is, once with its outbox row dropped by a trigger (the bench's own; the code is
 * the same in both rounds). Reports the API's CPU per request, the rate, and the worker's wall time and CPU.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const complaints = Number(args[args.indexOf('--complaints') + 1]) || 3_000;
  const env = loadEnvironment();
  const url = scratchUrl('bench_ack');
  await freshDatabase(url, true);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  let mailed = 0;
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _s, done) => { stream.resume(); stream.on('end', () => { mailed++; done(); }); } });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpUrl = `smtp://127.0.0.1:${(smtp as unknown as { server: { address(): { port: number } } }).server.address().port}`;
  const appEnv = {
    DATABASE_URL: url, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: PREFIX, SMTP_URL: smtpUrl, NODE_ENV: 'development',
    INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', AUDIT_VERIFY_INTERVAL_MINUTES: '0', TRIAGE_SWEEP_SECONDS: '3600',
  };
  const rows: string[] = [];
  try {
    let start = 0;
    for (const round of ['without', 'with', 'without again', 'with again'] as const) {
      const skip = round.startsWith('without');
      await db.query(
        skip
          ? `CREATE OR REPLACE FUNCTION bench_skip_acknowledgement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
             CREATE OR REPLACE TRIGGER bench_skip_acknowledgement BEFORE INSERT ON outbox FOR EACH ROW
               WHEN (NEW.topic = 'letters.acknowledge') EXECUTE FUNCTION bench_skip_acknowledgement()`
          : 'DROP TRIGGER IF EXISTS bench_skip_acknowledgement ON outbox',
      );
      const triagedBefore = await count('SELECT count(*) AS n FROM triage_runs');
      const lettersBefore = await count(`SELECT count(*) AS n FROM letters WHERE kind = 'acknowledgement'`);
      const mailedBefore = mailed;

      const api = await startProcess('main', appEnv);
      const apiCpu = cpuSeconds(api.child.pid!);
      const intake = await submitComplaints(api.baseUrl, { connections: 20, amount: complaints, start });
      const intakeCpu = cpuSeconds(api.child.pid!) - apiCpu;
      await api.stop();
      start += complaints;

      const began = performance.now();
      const worker = await startProcess('worker', appEnv);
      const workerCpu = cpuSeconds(worker.child.pid!);
      const drained = async () =>
        (await count('SELECT count(*) AS n FROM triage_runs')) - triagedBefore >= complaints &&
        (skip || (mailed - mailedBefore >= complaints && (await count(`SELECT count(*) AS n FROM letters WHERE kind = 'acknowledgement' AND status = 'sent'`)) - lettersBefore >= complaints));
      const until = Date.now() + 1_800_000;
      while (!(await drained())) {
        if (Date.now() > until) throw new Error(`round ${round}: timed out draining`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const seconds = (performance.now() - began) / 1000;
      const drainCpu = cpuSeconds(worker.child.pid!) - workerCpu;
      await worker.stop();
      const letters = (await count(`SELECT count(*) AS n FROM letters WHERE kind = 'acknowledgement'`)) - lettersBefore;
      rows.push(
        `  ${round.padEnd(14)} intake ${String(intake.perSecond).padStart(5)}/s, ${((intakeCpu * 1000) / complaints).toFixed(2)} ms API CPU a request (${intake.errors + intake.non2xx} errors)` +
          `   drain ${seconds.toFixed(1)} s, ${((drainCpu * 1000) / complaints).toFixed(2)} ms worker CPU a complaint   ${letters} letters, ${mailed - mailedBefore} emails`,
      );
      console.log(rows.at(-1));
    }
    console.log(`acknowledgement letter at ${complaints} complaints a round (one API process, 20 connections; one worker process):\n${rows.join('\n')}`);
  } finally {
    await db.end();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await dropDatabase(url);
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(`bench:acknowledgement failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
