import { createHash, createHmac } from 'node:crypto';
import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('notes, the contact log and the complainant’s details on a case', () => {
  let t: TestApp;
  let officer: string;
  let auditor: string;
  let reference: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (const [email, role] of [['notes.officer@example.org', 'officer'], ['notes.auditor@example.org', 'auditor']]) {
      await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email, password: 'a-long-password-1', role } });
    }
    officer = await login(t.baseUrl, 'notes.officer@example.org', 'a-long-password-1');
    auditor = await login(t.baseUrl, 'notes.auditor@example.org', 'a-long-password-1');
    reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).body.reference;
    await waitForTriage(t.baseUrl, officer, reference);
  });

  afterAll(async () => {
    await t.close();
  });

  it('adds a note and a logged call, shown on the case with who wrote them; the case log holds only a hash', async () => {
    const note = await api(t.baseUrl, 'POST', `/api/cases/${reference}/notes`, { token: officer, body: { text: 'Complainant sounded distressed; check the 2024 file first.' } });
    expect(note.status).toBe(201);
    const call = await api(t.baseUrl, 'POST', `/api/cases/${reference}/notes`, {
      token: officer,
      body: { text: 'Rang to ask for the date of the meeting: 3 November.', contactChannel: 'phone', contactDirection: 'from_complainant' },
    });
    expect(call.status).toBe(201);
    const found = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token: officer })).body;
    expect(found.notes).toEqual([
      expect.objectContaining({ text: 'Complainant sounded distressed; check the 2024 file first.', contactChannel: null, createdBy: 'notes.officer@example.org', createdAt: expect.any(String) }),
      expect.objectContaining({ contactChannel: 'phone', contactDirection: 'from_complainant' }),
    ]);
    const history = JSON.stringify((await api(t.baseUrl, 'GET', `/api/cases/${reference}/history`, { token: auditor })).body);
    expect(history).toContain('case.contact_logged');
    expect(history).not.toContain('distressed');
    // keyed with the case's own key, so nobody can confirm a guess at the text from the log alone
    const text = 'Complainant sounded distressed; check the 2024 file first.';
    const [{ key }] = (await t.db.query(`SELECT k.key FROM case_text_keys k JOIN complaints c ON c.id = k.complaint_id WHERE c.reference = $1`, [reference])) as Array<{ key: Buffer }>;
    expect(history).toContain(createHmac('sha256', key).update(text).digest('hex'));
    expect(history).not.toContain(createHash('sha256').update(text).digest('hex'));
  });

  it('refuses an empty note, a direction without sense, and auditors, naming the field', async () => {
    const empty = await api(t.baseUrl, 'POST', `/api/cases/${reference}/notes`, { token: officer, body: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toEqual(['text must contain visible text and no control characters']);
    const direction = await api(t.baseUrl, 'POST', `/api/cases/${reference}/notes`, { token: officer, body: { text: 'x', contactChannel: 'phone' } });
    expect(direction.status).toBe(400);
    expect(direction.body.message[0]).toMatch(/^contactDirection must be one of/);
    expect((await api(t.baseUrl, 'POST', `/api/cases/${reference}/notes`, { token: auditor, body: { text: 'x' } })).status).toBe(403);
    expect((await api(t.baseUrl, 'POST', '/api/cases/PCC-0000-0000/notes', { token: officer, body: { text: 'x' } })).status).toBe(404);
  });

  it('corrects the complainant’s details, logging which fields changed and a hash, never the details', async () => {
    const changed = await api(t.baseUrl, 'PATCH', `/api/cases/${reference}/complainant`, {
      token: officer,
      body: { phone: '01632 960 001', postalAddress: '12 Heol y Nant, Aberteifi SA43 1AB' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.changed).toEqual(['phone', 'postalAddress']);
    const found = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token: officer })).body;
    expect(found.complainant).toMatchObject({ phone: '01632 960 001', postalAddress: '12 Heol y Nant, Aberteifi SA43 1AB' });
    const history = (await api(t.baseUrl, 'GET', `/api/cases/${reference}/history`, { token: auditor })).body as Array<{ type: string; details: Record<string, unknown> }>;
    const logged = history.find((h) => h.type === 'complainant.updated');
    expect(logged?.details).toEqual({ complaintId: expect.any(String), complainantId: expect.any(String), changed: ['phone', 'postalAddress'], detailsHmac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(history)).not.toContain('Heol y Nant');
    const bad = await api(t.baseUrl, 'PATCH', `/api/cases/${reference}/complainant`, { token: officer, body: { email: 'not an email' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['email must be an email address, like name@example.org']);
  });
});
