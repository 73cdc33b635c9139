import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseLogChainer } from '../src/audit/case-log-chainer.service.js';
import { CaseLogService } from '../src/audit/case-log.service.js';
import { CheckpointDeliveryService } from '../src/audit/checkpoint-delivery.service.js';
import { createHttpApp } from '../src/bootstrap.js';
import { validateEnvironment } from '../src/config/environment.js';
import { appendChained, deleteStoredCheckpointsAsSuperuser, rewriteAsSuperuser } from './helpers/case-log.js';
import { api, login } from './helpers/http.js';
import { SmtpSink } from './helpers/smtp-sink.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const signingKey = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
};

describe('signed checkpoints of the case log: issued, delivered outside the database, verified', () => {
  const key = signingKey();
  const dir = mkdtempSync(join(tmpdir(), 'pcc-checkpoints-'));
  let smtp: SmtpSink;
  let t: TestApp;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({
      SMTP_URL: smtp.url, AUDIT_CHECKPOINT_EMAIL: 'panel.auditors@example.org', AUDIT_CHECKPOINT_DIR: dir,
      AUDIT_SIGNING_KEY: key.privatePem, AUDIT_CHECKPOINT_ORIGIN: 'panel.example/case-log', AUDIT_CHECKPOINT_RETRY_SECONDS: '1',
    });
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'auditor.cp@example.org', password: 'auditor-password-1', role: 'auditor' } });
    auditor = await login(t.baseUrl, 'auditor.cp@example.org', 'auditor-password-1');
    for (let i = 0; i < 5; i++) await append({ i });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (details: Record<string, unknown>) => appendChained(t.db, t.app.get(CaseLogService), t.app.get(CaseLogChainer), { reference: 'PCC-CHKP-0001', details });
  const checkpoint = async () => (await api(t.baseUrl, 'GET', '/api/audit/checkpoint', { token: auditor })).body;
  const verifyAgainst = async (c: unknown) => api(t.baseUrl, 'POST', '/api/audit/verify', { token: auditor, body: { checkpoint: c } });
  const delivered = () => t.app.get(CheckpointDeliveryService).flush();

  it('issues a checkpoint of the head, signed over exactly its text with the key the API lists', async () => {
    const c = await checkpoint();
    const head = (await api(t.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body.head;
    expect(c).toMatchObject({ sequence: head.sequence, hash: head.hash, issuedAt: expect.any(String), keyId: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String) });
    expect(c.text).toBe(`panel.example/case-log\n${head.sequence}\n${Buffer.from(head.hash, 'hex').toString('base64')}\nissued ${c.issuedAt}\n`);
    const keys = (await api(t.baseUrl, 'GET', '/api/audit/keys', { token: auditor })).body;
    expect(keys).toEqual([{ keyId: c.keyId, publicKey: key.publicPem, current: true, development: false }]);
    expect(verify(null, Buffer.from(c.text), createPublicKey(keys[0].publicKey), Buffer.from(c.signature, 'base64'))).toBe(true);
    expect(await checkpoint()).toEqual(c); // the log has not grown: the same checkpoint
    await append({ more: true });
    expect((await checkpoint()).sequence).toBe(head.sequence + 1);
  });

  it('lets auditors and admins have checkpoints; officers get 403 and anonymous callers 401', async () => {
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'officer.cp@example.org', password: 'officer-password-1', role: 'officer' } });
    const officer = await login(t.baseUrl, 'officer.cp@example.org', 'officer-password-1');
    expect((await api(t.baseUrl, 'GET', '/api/audit/checkpoint', { token: admin })).status).toBe(200);
    for (const path of ['/api/audit/checkpoint', '/api/audit/keys', '/api/audit/checkpoints/1/note']) {
      expect((await api(t.baseUrl, 'GET', path, { token: officer })).status).toBe(403);
      expect((await api(t.baseUrl, 'GET', path)).status).toBe(401);
    }
    expect((await api(t.baseUrl, 'POST', '/api/audit/verify', { token: officer, body: { checkpoint: await checkpoint() } })).status).toBe(403);
  });

  it('delivers every checkpoint as a file in the directory and by email to the auditors', async () => {
    const c = await checkpoint();
    await delivered();
    const files = readdirSync(dir);
    const mine = files.find((f) => f.startsWith(`checkpoint-${String(c.sequence).padStart(15, '0')}-${c.hash.slice(0, 16)}`))!;
    expect(readFileSync(join(dir, mine), 'utf8')).toBe(c.note);
    const mail = smtp.messages.filter((m) => m.to.includes('panel.auditors@example.org')).map((m) => m.raw.replace(/=\r?\n/g, '')).join('\n');
    expect(mail).toContain(`case-log-checkpoint-${c.sequence}-${c.hash.slice(0, 8)}.txt`);
    expect(mail).toContain(Buffer.from(c.note).toString('base64').slice(0, 60)); // the attachment, exactly as signed
    const [row] = await t.db.query('SELECT file_delivered_at, emailed_at, last_delivery_error FROM case_log_checkpoints WHERE id = $1', [c.id]);
    expect(row).toMatchObject({ file_delivered_at: expect.any(Date), emailed_at: expect.any(Date), last_delivery_error: null });
  });

  it('keeps a checkpoint it could not deliver, says so loudly, and delivers it when the mail server and the directory are back', async () => {
    await smtp.stop();
    renameSync(dir, `${dir}.away`);
    writeFileSync(dir, 'not a directory');
    const loud = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await append({ during: 'outage' });
      const c = await checkpoint();
      await delivered();
      expect(loud).toHaveBeenCalledWith(expect.objectContaining({ alert: 'CASE_LOG_CHECKPOINT_UNDELIVERED', checkpointId: c.id }), expect.stringContaining('NOT DELIVERED'));
      const [waiting] = await t.db.query('SELECT file_delivered_at, emailed_at, last_delivery_error FROM case_log_checkpoints WHERE id = $1', [c.id]);
      expect(waiting).toMatchObject({ file_delivered_at: null, emailed_at: null, last_delivery_error: expect.stringMatching(/file: .*; email: /) });

      rmSync(dir);
      renameSync(`${dir}.away`, dir);
      await smtp.start(smtp.port);
      await new Promise((resolve) => setTimeout(resolve, 1100)); // the first back-off
      await delivered();
      const [done] = await t.db.query('SELECT file_delivered_at, emailed_at, delivery_attempts, last_delivery_error FROM case_log_checkpoints WHERE id = $1', [c.id]);
      expect(done).toMatchObject({ file_delivered_at: expect.any(Date), emailed_at: expect.any(Date), last_delivery_error: null });
      expect(done.delivery_attempts).toBeGreaterThanOrEqual(2);
      expect(readdirSync(dir).some((f) => f.includes(c.hash.slice(0, 16)))).toBe(true);
    } finally {
      loud.mockRestore();
      if (existsSync(`${dir}.away`)) {
        rmSync(dir, { force: true });
        renameSync(`${dir}.away`, dir);
      }
    }
  });

  it('signs every export: the checkpoint in its headers and as a companion file, matching the head it was taken at', async () => {
    const response = await fetch(`${t.baseUrl}/api/audit/export?format=jsonl`, { headers: { authorization: `Bearer ${auditor}` } });
    await response.text();
    const note = Buffer.from(response.headers.get('x-chain-checkpoint')!, 'base64').toString('utf8');
    const id = response.headers.get('x-chain-checkpoint-id')!;
    expect(response.headers.get('link')).toBe(`</api/audit/checkpoints/${id}/note>; rel="describedby"; type="text/plain"`);
    const companion = await fetch(`${t.baseUrl}/api/audit/checkpoints/${id}/note`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(companion.headers.get('content-disposition')).toMatch(/^attachment; filename="case-log-checkpoint-\d+\.txt"$/);
    expect(await companion.text()).toBe(note);
    const c = (await api(t.baseUrl, 'GET', `/api/audit/checkpoints/${id}`, { token: auditor })).body;
    expect(c).toMatchObject({ sequence: Number(response.headers.get('x-chain-head-sequence')), hash: response.headers.get('x-chain-head-hash'), note });
    expect((await api(t.baseUrl, 'GET', '/api/audit/checkpoints/99999/note', { token: auditor })).status).toBe(404);
  });

  it('verifies the log against a checkpoint, and refuses an altered or forged one as bad_signature', async () => {
    const c = await checkpoint();
    expect((await verifyAgainst(c)).body).toMatchObject({ ok: true, checkpoint: 'consistent', firstBrokenSequence: null });
    const altered = { ...c, hash: 'ab'.repeat(32) };
    expect((await verifyAgainst(altered)).body).toMatchObject({ ok: false, checkpoint: 'bad_signature', checkpointProblem: 'altered', firstBrokenSequence: null });
    const forgedText = c.text.replace(`\n${c.sequence}\n`, `\n${c.sequence + 1}\n`);
    expect((await verifyAgainst({ ...c, text: forgedText, sequence: c.sequence + 1 })).body).toMatchObject({ ok: false, checkpoint: 'bad_signature', checkpointProblem: 'bad_signature' });
    const stranger = { ...c, keyId: 'cd'.repeat(32) };
    expect((await verifyAgainst(stranger)).body).toMatchObject({ ok: false, checkpoint: 'bad_signature', checkpointProblem: 'unknown_key' });
  });

  it('answers a missing or malformed checkpoint with a 400 naming the field', async () => {
    const c = await checkpoint();
    const missing = await api(t.baseUrl, 'POST', '/api/audit/verify', { token: auditor, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.message.join(' ')).toMatch(/checkpoint/);
    const bad = await verifyAgainst({ ...c, hash: 'not hex' });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/hash must be 64 hexadecimal characters/);
    expect((await verifyAgainst({ ...c, extra: 1 })).status).toBe(400);
  });

  it('keeps old checkpoints verifiable after the key is rotated, while the old public key is listed', async () => {
    const old = await checkpoint();
    const next = signingKey();
    const rotated = await startSecondApp({ AUDIT_SIGNING_KEY: next.privatePem, AUDIT_PREVIOUS_PUBLIC_KEYS: key.publicPem });
    const forgetful = await startSecondApp({ AUDIT_SIGNING_KEY: next.privatePem });
    try {
      const keys = (await api(rotated.url, 'GET', '/api/audit/keys', { token: auditor })).body;
      expect(keys.map((k: { current: boolean; publicKey: string }) => [k.current, k.publicKey])).toEqual([[true, next.publicPem], [false, key.publicPem]]);
      expect((await api(rotated.url, 'POST', '/api/audit/verify', { token: auditor, body: { checkpoint: old } })).body).toMatchObject({ ok: true, checkpoint: 'consistent' });
      await append({ after: 'rotation' });
      const fresh = (await api(rotated.url, 'GET', '/api/audit/checkpoint', { token: auditor })).body;
      expect(fresh.keyId).toBe(keys[0].keyId);
      expect(verify(null, Buffer.from(fresh.text), createPublicKey(next.publicPem), Buffer.from(fresh.signature, 'base64'))).toBe(true);
      // Drop the old key from the list and its checkpoints can no longer be told from forgeries.
      expect((await api(forgetful.url, 'POST', '/api/audit/verify', { token: auditor, body: { checkpoint: old } })).body).toMatchObject({ ok: false, checkpoint: 'bad_signature', checkpointProblem: 'unknown_key' });
      expect((await api(forgetful.url, 'GET', '/api/audit/verify', { token: auditor })).body.checkpoints.unknownKey).toBeGreaterThan(0);
    } finally {
      await rotated.app.close();
      await forgetful.app.close();
    }
  });

  it('finds a superuser rewrite (event changed, every later hash recomputed, stored checkpoints deleted) at the right sequence', async () => {
    const at = async () => { await append({ step: 'checkpointed' }); return checkpoint(); };
    const first = await at(); // k
    await append({ step: 'between' }); // k + 1
    const middle = await at(); // k + 2: the event the superuser will change
    await append({ step: 'after' }); // k + 3
    const kept = await at(); // k + 4: the checkpoint an auditor saved
    await delivered();
    expect([middle.sequence, kept.sequence]).toEqual([first.sequence + 2, first.sequence + 4]);

    await expect(t.db.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(`UPDATE case_events SET details = '{"i": "rewritten"}' WHERE sequence = $1`, [middle.sequence]);
    })).rejects.toThrow(/append-only/);
    await rewriteAsSuperuser(t.db, middle.sequence, { step: 'rewritten' });
    await deleteStoredCheckpointsAsSuperuser(t.db);
    const rewritten = await verifyAgainst(kept);
    // The chain alone verifies: the rewrite re-hashed everything after it.
    // Against the checkpoints delivered to the directory, it breaks exactly at the changed event; after the last one it matches.
    expect(rewritten.body).toMatchObject({ ok: false, checkpoint: 'inconsistent', reason: 'checkpoint', firstBrokenSequence: middle.sequence, unchangedThrough: first.sequence });
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body).toMatchObject({ ok: false, reason: 'checkpoint', firstBrokenSequence: middle.sequence });
    // And the rewritten head is never signed.
    const refused = await api(t.baseUrl, 'GET', '/api/audit/checkpoint', { token: auditor });
    expect(refused.status).toBe(409);
    expect(refused.body.message[0]).toMatch(/not signed/);
  });

  /** The same database with other keys, as after a rotation (API only: the first app's workers deliver). */
  async function startSecondApp(vars: Record<string, string>) {
    const app = await createHttpApp(validateEnvironment({ ...t.env, PORT: '0', ...vars }), { api: true, worker: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
  }
});
