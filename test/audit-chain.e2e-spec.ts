import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { CaseLogChainer } from '../src/audit/case-log-chainer.service.js';
import { CaseLogService } from '../src/audit/case-log.service.js';
import { ChainWatchService } from '../src/audit/chain-watch.service.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { appendChained, appendEvent, asTamperingSuperuser, sequences } from './helpers/case-log.js';
import { api, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('the case log: append-only, gapless under concurrent writers, verified', () => {
  let t: TestApp;
  let caseLog: CaseLogService;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    caseLog = t.app.get(CaseLogService);
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (let i = 0; i < 5; i++) await appendEvent(t.db, caseLog, { reference: `PCC-TEST-000${i}`, details: { i } });
    await t.app.get(CaseLogChainer).flush();
  });

  afterAll(async () => {
    await t.close();
  });

  const verify = async () => (await api(t.baseUrl, 'GET', '/api/audit/verify', { token: admin })).body;

  it.each([
    ['UPDATE', `UPDATE case_events SET actor = 'user:intruder' WHERE sequence = 2`],
    ['UPDATE matching no row', `UPDATE case_events SET actor = 'x' WHERE sequence = -1`],
    ['DELETE', `DELETE FROM case_events WHERE sequence = 2`],
    ['TRUNCATE', `TRUNCATE case_events`],
  ])('refuses %s in the database, even to its owner', async (_, sql) => {
    await expect(t.db.query(sql)).rejects.toThrow(/case_events is append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('refuses a change even in a session whose replication role turns ordinary triggers off', async () => {
    const replica = (sql: string) =>
      t.db.transaction(async (manager) => {
        await manager.query(`SET LOCAL session_replication_role = replica`);
        await manager.query(sql);
      });
    await expect(replica(`UPDATE case_events SET details = '{"i": 99}' WHERE sequence = 3`)).rejects.toThrow(/case_events is append-only/);
    await expect(replica(`DELETE FROM case_events WHERE sequence = 5`)).rejects.toThrow(/case_events is append-only/);
    await expect(replica(`TRUNCATE case_events`)).rejects.toThrow(/case_events is append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('keeps one gapless chain when many writers in two processes append at once', async () => {
    const other = new DataSource(dataSourceOptions({ DATABASE_URL: t.env.DATABASE_URL }));
    await other.initialize();
    try {
      const before = (await sequences(t.db)).length;
      // Two chainers, as two processes would have, racing each other while the writers write.
      const chainers = [t.app.get(CaseLogChainer), new CaseLogChainer(t.env, other)];
      const writers = [t.db, other].flatMap((db, p) =>
        Array.from({ length: 100 }, (_, i) => appendEvent(db, caseLog, { type: 'test.concurrent', details: { process: p, i } }).then(() => chainers[i % 2].flush())),
      );
      await Promise.all(writers);
      await Promise.all(chainers.map((c) => c.flush()));
      const [{ concurrent }] = await t.db.query(`SELECT count(*)::int AS concurrent FROM case_events WHERE type = 'test.concurrent'`);
      expect(concurrent).toBe(200);
      const all = await sequences(t.db);
      expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      expect(all.length).toBeGreaterThanOrEqual(before + 200);
      const [{ forks }] = await t.db.query('SELECT count(*) - count(DISTINCT prev_hash) AS forks FROM case_events');
      expect(Number(forks)).toBe(0);
      expect(await verify()).toEqual({
        ok: true, events: all.length, firstBrokenSequence: null, reason: null, head: { sequence: all.length, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        unchangedThrough: null, checkpoints: { compared: 0, badSignature: 0, unknownKey: 0 },
      });
    } finally {
      await other.destroy();
    }
  });

  it('reports exactly the row a superuser changed behind the application, until it is put back', async () => {
    const [original] = await t.db.query(`SELECT details FROM case_events WHERE sequence = 3`);
    await asTamperingSuperuser(t.db, `UPDATE case_events SET details = '{"i": 99}' WHERE sequence = 3`);
    try {
      const broken = await verify();
      expect(broken).toMatchObject({ ok: false, firstBrokenSequence: 3, reason: 'hash' });
      expect(broken.events).toBe((await sequences(t.db)).length);
      const loud = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      try {
        expect(await t.app.get(ChainWatchService).check()).toMatchObject({ ok: false, firstBrokenSequence: 3 });
        expect(loud).toHaveBeenCalledWith(expect.objectContaining({ alert: 'CASE_LOG_CHAIN_BROKEN', firstBrokenSequence: 3 }), expect.stringContaining('TAMPERING'));
      } finally {
        loud.mockRestore();
      }
    } finally {
      await asTamperingSuperuser(t.db, `UPDATE case_events SET details = $1 WHERE sequence = 3`, [original.details]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reports a deleted row as the missing sequence', async () => {
    const [row] = await t.db.query(`SELECT * FROM case_events WHERE sequence = 4`);
    await asTamperingSuperuser(t.db, `DELETE FROM case_events WHERE sequence = 4`);
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 4, reason: 'gap' });
    } finally {
      await asTamperingSuperuser(
        t.db,
        `INSERT INTO case_events (sequence, occurred_at, reference, actor, type, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [row.sequence, row.occurred_at, row.reference, row.actor, row.type, row.details, row.prev_hash, row.hash],
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('lets auditors and admins verify; officers get 403 and anonymous callers 401', async () => {
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'auditor.chain@example.org', password: 'auditor-password-1', role: 'auditor' } });
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'officer.chain@example.org', password: 'officer-password-1', role: 'officer' } });
    const auditor = await login(t.baseUrl, 'auditor.chain@example.org', 'auditor-password-1');
    const officer = await login(t.baseUrl, 'officer.chain@example.org', 'officer-password-1');
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body.ok).toBe(true);
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify', { token: officer })).status).toBe(403);
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify')).status).toBe(401);
  });

  it('works under the optional least-privilege role: it may insert and read the log, never change it', async () => {
    const role = `pcc_test_app_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const script = readFileSync(new URL('../src/audit/least-privilege-role.sql', import.meta.url), 'utf8')
      .replace(/^--.*$/gm, '')
      .replaceAll(':"app_role"', pg.escapeIdentifier(role))
      .replaceAll(":'app_password'", pg.escapeLiteral(password));
    await t.db.query(script);
    const url = new URL(t.env.DATABASE_URL);
    url.username = role;
    url.password = password;
    const app = new DataSource(dataSourceOptions({ DATABASE_URL: url.toString() }));
    try {
      await app.initialize();
      const sequence = await appendChained(app, caseLog, new CaseLogChainer(t.env, app), { type: 'test.least_privilege' });
      expect(sequence).toBeGreaterThan(0);
      await expect(app.query(`UPDATE case_events SET actor = 'x' WHERE sequence = $1`, [sequence])).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM case_events`)).rejects.toThrow(/permission denied/);
      expect((await app.query(`SELECT count(*)::int AS n FROM complaints`))[0].n).toBeGreaterThanOrEqual(0);
    } finally {
      if (app.isInitialized) await app.destroy();
      await t.db.query(`DROP OWNED BY ${pg.escapeIdentifier(role)}; DROP ROLE ${pg.escapeIdentifier(role)}`);
    }
    expect((await verify()).ok).toBe(true);
  });
});
