import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { SmtpSink } from './helpers/smtp-sink.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/** Every internal text written in this file: none may ever appear in any letter. */
const INTERNAL = {
  note: 'Complainant is known to the team and likely to escalate; keep replies short.',
  contact: 'Rang him back: he was abusive about the chair of the panel and hung up.',
  outcome: 'Policy grievance only. He has written about the precept nine times before.',
  reason: 'Reads as a budget complaint, nothing personal to the commissioner alleged.',
};

describe('letters: written for the complainant, previewed, edited, sent by email or post, and never carrying internal notes', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let officer: string;

  const letter = (reference: string, id = '') => `/api/cases/${reference}/letters${id ? `/${id}` : ''}`;
  const call = (method: string, path: string, body?: unknown) => api(t.baseUrl, method, path, { token: officer, body });

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'letters.officer@example.org', password: 'a-long-password-1', role: 'officer' } });
    officer = await login(t.baseUrl, 'letters.officer@example.org', 'a-long-password-1');
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('makes and emails exactly one acknowledgement for every new complaint, with no officer acting', async () => {
    const references: string[] = [];
    for (let i = 0; i < 3; i++) references.push((await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).body.reference);
    references.push((await call('POST', '/api/cases', { ...complaintBody(), receivedAt: '2026-01-06T09:00:00Z', channel: 'letter' })).body.reference);
    for (const reference of references) {
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        if ((await call('GET', letter(reference))).body.some((l: { status: string }) => l.status === 'sent')) break;
      }
      const letters = (await call('GET', letter(reference))).body;
      expect(letters).toEqual([expect.objectContaining({ template: 'acknowledgement', status: 'sent', createdBy: null })]);
      expect(smtp.messages.filter((m) => m.raw.includes(reference) && m.raw.includes('we have received it'))).toHaveLength(1);
    }
    // the worker asked again (a relay or sweep running twice) finds the letter made
    await t.db.query(`INSERT INTO outbox (topic, payload) SELECT 'letters.acknowledge', jsonb_build_object('complaintId', id) FROM complaints WHERE reference = $1`, [references[0]]);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await call('GET', letter(references[0]))).body).toHaveLength(1);
  });

  it('never lets an internal note into a letter: not through a template, not pasted into the message or the letter', async () => {
    const { body: receipt } = await api(t.baseUrl, 'POST', '/api/complaints', {
      body: { ...complaintBody({ summary: 'The precept went up again', details: 'I object to the police precept rising again this year.' }), complainant: { name: 'Gwen Harries', email: 'gwen.harries@example.org' } },
    });
    const reference = receipt.reference as string;
    await waitForTriage(t.baseUrl, officer, reference);
    await call('POST', `/api/cases/${reference}/notes`, { text: INTERNAL.note });
    await call('POST', `/api/cases/${reference}/notes`, { text: INTERNAL.contact, contactChannel: 'phone', contactDirection: 'to_complainant' });
    const found = (await call('GET', `/api/cases/${reference}`)).body;
    if (found.category !== 'political') await call('POST', `/api/cases/${reference}/classification`, { category: 'political', reason: INTERNAL.reason });
    expect((await call('POST', `/api/cases/${reference}/outcome`, { kind: 'not_recorded', notes: INTERNAL.outcome })).status).toBe(200);

    const pasted = await call('POST', letter(reference), { kind: 'not_recorded_notice', message: `Sorry. ${INTERNAL.outcome}` });
    expect(pasted.status).toBe(400);
    expect(pasted.body.message[0]).toMatch(/words from an internal note/);
    const draft = await call('POST', letter(reference), { kind: 'not_recorded_notice', message: 'Your complaint is about the level of the police precept, which is a policy decision.' });
    expect(draft.status).toBe(201);
    const edited = await call('PATCH', letter(reference, draft.body.id), { body: `${draft.body.body}\nPS: ${INTERNAL.contact.slice(0, 40)}` });
    expect(edited.status).toBe(400);
    const fine = await call('PATCH', letter(reference, draft.body.id), { body: draft.body.body.replace('Yours sincerely', 'We are sorry we cannot help further.\n\nYours sincerely') });
    expect(fine.status).toBe(200);
    expect(fine.body.body).toContain('We are sorry we cannot help further.');
    expect(fine.body.body).toContain('public meetings');

    // every letter of every case, whatever made it, is searched for every internal text
    const bodies = (await t.db.query(`SELECT subject || ' ' || body AS text FROM letters`)) as Array<{ text: string }>;
    expect(bodies.length).toBeGreaterThan(1);
    for (const text of Object.values(INTERNAL)) for (const b of bodies) expect(b.text).not.toContain(text.slice(0, 30));
  });

  it('sends a letter by post once there is an address, as a PDF that says what the letter says', async () => {
    const reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).body.reference as string;
    await waitForTriage(t.baseUrl, officer, reference);
    await call('POST', `/api/cases/${reference}/classification`, { category: 'criminal', reason: 'An allegation of fraud.' });
    await call('POST', `/api/cases/${reference}/outcome`, { kind: 'referred_to_iopc', notes: 'Sent by secure email.' });
    const draft = (await call('POST', letter(reference), { kind: 'iopc_referral_notice' })).body;
    expect((await call('POST', `${letter(reference, draft.id)}/sending`, { delivery: 'post' })).status).toBe(409); // no address yet
    await call('PATCH', `/api/cases/${reference}/complainant`, { postalAddress: '4 Stryd Fawr\nAberystwyth\nSY23 1DR' });
    const posted = await call('POST', `${letter(reference, draft.id)}/sending`, { delivery: 'post' });
    expect(posted.body).toMatchObject({ status: 'sent', delivery: 'post', postalAddress: '4 Stryd Fawr\nAberystwyth\nSY23 1DR', sentAt: expect.any(String) });
    expect((await call('PATCH', letter(reference, draft.id), { body: 'changed after sending' })).status).toBe(409);

    const pdf = await fetch(`${t.baseUrl}${letter(reference, draft.id)}/pdf`, { headers: { authorization: `Bearer ${officer}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const folder = mkdtempSync(join(tmpdir(), 'letter-pdf-'));
    try {
      writeFileSync(join(folder, 'letter.pdf'), bytes);
      const text = execFileSync('pdftotext', ['-layout', join(folder, 'letter.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(`Your complaint ${reference} has been referred to the IOPC`);
      expect(text).toContain('Aberystwyth');
      expect(text).toContain('Independent Office for Police Conduct');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect((await api(t.baseUrl, 'GET', `${letter(reference, draft.id)}/pdf`)).status).toBe(401);
  });
});
