import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../src/config/environment.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { AppProcess } from './helpers/app-process.js';
import { axeViolations, launchChromium } from './helpers/browser.js';
import { deleteStoredCheckpointsAsSuperuser, rewriteAsSuperuser } from './helpers/case-log.js';
import { api, login } from './helpers/http.js';
import { deleteRedisKeys } from './helpers/test-app.js';
import { createTestDatabase, dropTestDatabase, testDatabaseName } from './helpers/test-database.js';

jest.setTimeout(180_000);

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The rewrite issue 15 is about, on a running instance (API and worker processes as deployed): a superuser edits one
 * event, recomputes every later hash and deletes the checkpoints stored in the database. A checkpoint saved before
 * finds it through the API, the command line and the audit page, and so does a freshly started worker's periodic check.
 */
describe('a superuser rewrite of the case log, found against checkpoints kept outside the database', () => {
  const id = randomBytes(4).toString('hex');
  const database = testDatabaseName(`witness_${id}`);
  const dir = mkdtempSync(join(tmpdir(), 'pcc-witness-'));
  const saved = join(dir, '..', `pcc-witness-${id}-saved.txt`);
  const { privateKey } = generateKeyPairSync('ed25519');
  let env: Record<string, string>;
  let db: DataSource;
  let apiProcess: AppProcess;
  let worker: AppProcess;
  let browser: Browser;
  let auditor: string;
  let kept: { sequence: number; note: string };
  let expected: { firstBrokenSequence: number; unchangedThrough: number };

  beforeAll(async () => {
    env = {
      NODE_ENV: 'test', DATABASE_URL: await createTestDatabase(database), REDIS_URL: loadEnvironment().REDIS_URL, QUEUE_PREFIX: `witness_${id}`,
      LOG_LEVEL: 'info', ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'test-admin-password-1', LOGIN_RATE_LIMIT: '0',
      AUDIT_SIGNING_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), AUDIT_CHECKPOINT_DIR: dir,
      AUDIT_CHECKPOINT_ORIGIN: 'witness.panel.example/case-log', AUDIT_VERIFY_INTERVAL_MINUTES: '0.02', AUDIT_CHECKPOINT_RETRY_SECONDS: '1',
    };
    db = new DataSource(dataSourceOptions({ DATABASE_URL: env.DATABASE_URL }));
    await db.initialize();
    apiProcess = await AppProcess.start('main', env);
    worker = await AppProcess.start('worker', env);
    const admin = await login(apiProcess.baseUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    for (const [email, role] of [['auditor.witness@example.org', 'auditor'], ...Array.from({ length: 6 }, (_, i) => [`officer${i}.witness@example.org`, 'officer'])]) {
      expect((await api(apiProcess.baseUrl, 'POST', '/api/users', { token: admin, body: { email, password: `${role}-password-1`, role } })).status).toBe(201);
    }
    auditor = await login(apiProcess.baseUrl, 'auditor.witness@example.org', 'auditor-password-1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([apiProcess, worker].map((p) => p?.stop('SIGKILL')));
    await db?.destroy();
    await dropTestDatabase(database);
    await deleteRedisKeys({ REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: env.QUEUE_PREFIX });
    rmSync(dir, { recursive: true, force: true });
    rmSync(saved, { force: true });
  });

  const delivered = () => readdirSync(dir).map((f) => Number(f.split('-')[1])).filter(Number.isFinite);
  const cli = (file: string) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, ['dist/src/audit/verify-chain.cli.js', '--checkpoint', file], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'silent' } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: `${stdout}${stderr}` }),
      );
    });
  async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 200))) if (await check()) return;
    throw new Error(`timed out waiting for ${what}`);
  }

  it('signs the head on a schedule and delivers it to the directory; an auditor saves a checkpoint; the CLI finds the log intact', async () => {
    const head = (await api(apiProcess.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body.head.sequence as number;
    await until('a scheduled checkpoint of the head in the directory', () => delivered().includes(head));
    kept = (await api(apiProcess.baseUrl, 'GET', '/api/audit/checkpoint', { token: auditor })).body;
    expect(kept.sequence).toBe(head);
    writeFileSync(saved, kept.note);
    expect(await cli(saved)).toMatchObject({ code: 0, out: expect.stringContaining('case log intact and consistent with the checkpoint') });
  });

  it('after the rewrite, the API reports the saved checkpoint inconsistent, at the right sequence', async () => {
    await worker.stop('SIGTERM');
    const target = 3;
    await rewriteAsSuperuser(db, target, { rewritten: true });
    await deleteStoredCheckpointsAsSuperuser(db);
    // The changed event is at or before the first checkpoint (delivered or saved) from it onwards, after the last one before it.
    const held = [...delivered(), kept.sequence];
    expected = { firstBrokenSequence: Math.min(...held.filter((s) => s >= target)), unchangedThrough: Math.max(0, ...held.filter((s) => s < target)) };
    console.log(`event ${target} rewritten; checkpoints held outside at ${[...new Set(held)].sort((a, b) => a - b).join(', ')}: the break is reported at ${expected.firstBrokenSequence}, unchanged through ${expected.unchangedThrough}`);
    const chainAlone = (await api(apiProcess.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body;
    expect(chainAlone).toMatchObject({ ok: false, reason: 'checkpoint', ...expected }); // from the directory's checkpoints
    const result = (await api(apiProcess.baseUrl, 'POST', '/api/audit/verify', { token: auditor, body: { checkpoint: kept } })).body;
    expect(result).toMatchObject({ ok: false, checkpoint: 'inconsistent', reason: 'checkpoint', ...expected });
  });

  it('the command line reports it too (exit 1), and refuses a forged checkpoint', async () => {
    const found = await cli(saved);
    expect(found.code).toBe(1);
    expect(found.out).toContain(`CASE LOG CHANGED: the chain no longer matches a signed checkpoint at sequence ${expected.firstBrokenSequence}`);
    const forged = `${saved}.forged`;
    writeFileSync(forged, readFileSync(saved, 'utf8').replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`));
    try {
      expect(await cli(forged)).toMatchObject({ code: 1, out: expect.stringContaining('CHECKPOINT REFUSED') });
    } finally {
      rmSync(forged, { force: true });
    }
  });

  it('a worker started afresh finds it in its periodic check, from the checkpoints delivered to the directory', async () => {
    worker = await AppProcess.start('worker', env);
    await until('the periodic check to report the break', () => worker.output.includes('"alert":"CASE_LOG_CHAIN_BROKEN"'));
    const alert = worker.output.split('\n').find((line) => line.includes('"alert":"CASE_LOG_CHAIN_BROKEN"'))!;
    expect(JSON.parse(alert)).toMatchObject({ level: 50, reason: 'checkpoint', ...expected });
  });

  it('the audit page shows the break, and finds it against the saved checkpoint pasted or uploaded (axe at 1280 and 390 px)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${apiProcess.baseUrl}/audit`);
      await page.getByLabel('Email address').fill('auditor.witness@example.org');
      await page.getByRole('textbox', { name: 'Password' }).fill('auditor-password-1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/audit$/);
      expect(await page.locator('#chain-status').textContent()).toContain(`no longer matches the checkpoint at event ${expected.firstBrokenSequence}`);
      await expectAccessible(page);

      await page.getByLabel('Or choose a checkpoint file').setInputFiles(saved);
      await page.getByRole('button', { name: 'Check the log' }).click();
      await expect(page.locator('#check-result').textContent()).resolves.toContain('The case log has been changed since this checkpoint was signed');
      expect(await page.locator('#check-result').textContent()).toContain(`event ${expected.firstBrokenSequence}`);
      await expectAccessible(page);

      await page.getByLabel('Paste a checkpoint').fill(readFileSync(saved, 'utf8'));
      await page.getByRole('button', { name: 'Check the log' }).click();
      await expect(page.locator('#check-result').textContent()).resolves.toContain('has been changed');

      await page.getByLabel('Paste a checkpoint').fill(''); // nothing given
      await page.getByRole('button', { name: 'Check the log' }).click();
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Paste a checkpoint, or choose a checkpoint file');
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  async function expectAccessible(page: Page): Promise<void> {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page)).toEqual([]);
    }
  }
});
