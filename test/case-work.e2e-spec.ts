import { api, complaintBody, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { StatsRollupService } from '../src/stats/stats-rollup.service.js';
import { SmtpSink } from './helpers/smtp-sink.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('officer workspace: lifecycle, deadlines, overrides, letters', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: string;
  let officerA: string;
  let officerB: string;
  let auditor: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (const [email, role] of [['a@example.org', 'officer'], ['b@example.org', 'officer'], ['audit@example.org', 'auditor']]) {
      await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email, password: 'a-long-password-1', role } });
    }
    [officerA, officerB, auditor] = await Promise.all(['a@example.org', 'b@example.org', 'audit@example.org'].map((e) => login(t.baseUrl, e, 'a-long-password-1')));
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function triagedCase(overrides: Record<string, unknown> = {}): Promise<string> {
    const { body } = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody(overrides) });
    await waitForTriage(t.baseUrl, officerA, body.reference);
    return body.reference;
  }

  const caseOf = async (reference: string) => (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token: officerA })).body;
  const setCategory = (reference: string, category: string, token = officerA) =>
    api(t.baseUrl, 'POST', `/api/cases/${reference}/classification`, { token, body: { category, reason: `the rules missed that it is ${category}` } });

  it('keys in a letter received on Christmas Eve 2026: acknowledgement due 5 January 2027, skipped days explained', async () => {
    const keyed = await api(t.baseUrl, 'POST', '/api/cases', {
      token: officerA,
      body: { ...complaintBody(), receivedAt: '2026-12-24T10:00:00Z', channel: 'letter' },
    });
    expect(keyed.status).toBe(201);
    const found = await caseOf(keyed.body.reference);
    expect(found.channel).toBe('letter');
    expect(found.receivedAt).toBe('2026-12-24T10:00:00.000Z');
    const ack = found.deadlines.find((d: { kind: string }) => d.kind === 'acknowledgement');
    expect(ack.dueAt).toBe('2027-01-05T23:59:59.999Z');
    expect(ack.calculation.skipped.map((s: { date: string; why: string }) => `${s.date} ${s.why}`)).toEqual([
      '2026-12-25 bank holiday: Christmas Day',
      '2026-12-26 Saturday',
      '2026-12-27 Sunday',
      '2026-12-28 bank holiday: Boxing Day (substitute day)',
      "2027-01-01 bank holiday: New Year's Day",
      '2027-01-02 Saturday',
      '2027-01-03 Sunday',
    ]);
    const bad = await api(t.baseUrl, 'POST', '/api/cases', { token: officerA, body: { ...complaintBody(), receivedAt: 'yesterday', channel: 'pigeon' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/receivedAt.*channel|channel.*receivedAt/s);
    expect((await api(t.baseUrl, 'POST', '/api/cases', { token: auditor, body: { ...complaintBody(), receivedAt: '2026-11-01T10:00:00Z', channel: 'email' } })).status).toBe(403);
  });

  it('refers a criminal case to the IOPC, meeting its end-of-next-working-day deadline, and refuses illegal moves with 409', async () => {
    const reference = await triagedCase();
    expect((await setCategory(reference, 'criminal')).body.state).toBe('applied');
    let found = await caseOf(reference);
    const referral = found.deadlines.find((d: { kind: string }) => d.kind === 'iopc_referral');
    expect(referral.calculation.workingDays).toBe(1);
    expect(referral.dueAt).toMatch(/T2[23]:59:59\.999Z$/);

    const illegal = await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: officerA, body: { kind: 'informal_resolution_concluded', notes: 'resolved' } });
    expect(illegal.status).toBe(409);
    const wrongCategory = await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: officerA, body: { kind: 'redirected', notes: 'to the council' } });
    expect(wrongCategory.status).toBe(409);
    expect((await caseOf(reference)).status).toBe('triaged');

    const referred = await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: officerA, body: { kind: 'referred_to_iopc', notes: 'referred by email to the IOPC' } });
    expect(referred.status).toBe(200);
    expect(referred.body.deadlinesMet).toEqual(expect.arrayContaining(['iopc_referral', 'recording_decision']));
    found = await caseOf(reference);
    expect(found.status).toBe('referred_to_iopc');
    expect(found.outcome).toMatchObject({ kind: 'referred_to_iopc', notes: 'referred by email to the IOPC', recordedBy: 'a@example.org' });
    expect(found.deadlines.find((d: { kind: string }) => d.kind === 'iopc_referral')).toMatchObject({ state: 'met', metBy: 'referred_to_iopc' });

    const history = (await api(t.baseUrl, 'GET', `/api/cases/${reference}/history`, { token: auditor })).body;
    const moved = history.find((h: { type: string }) => h.type === 'case.outcome_recorded');
    expect(moved).toMatchObject({ actor: 'a@example.org', details: { kind: 'referred_to_iopc', fromStatus: 'triaged', toStatus: 'referred_to_iopc', notesHmac: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(history)).not.toContain('referred by email');
  });

  it('needs a second officer to take a case off the criminal route', async () => {
    const reference = await triagedCase();
    await setCategory(reference, 'criminal');
    const asked = await setCategory(reference, 'conduct');
    expect(asked.body).toMatchObject({ state: 'pending', category: 'criminal' });
    let found = await caseOf(reference);
    expect(found.category).toBe('criminal');
    expect(found.pendingOverride).toMatchObject({ toCategory: 'conduct', requestedBy: 'a@example.org' });

    const self = await api(t.baseUrl, 'POST', `/api/cases/${reference}/classification/confirmation`, { token: officerA, body: { confirm: true, reason: 'agree' } });
    expect(self.status).toBe(403);
    const second = await api(t.baseUrl, 'POST', `/api/cases/${reference}/classification/confirmation`, { token: officerB, body: { confirm: true, reason: 'no offence is alleged' } });
    expect(second.body).toMatchObject({ state: 'applied', category: 'conduct' });
    found = await caseOf(reference);
    expect(found.category).toBe('conduct');
    expect(found.triageCategory).toBe(found.triage.category);
    expect(found.deadlines.find((d: { kind: string }) => d.kind === 'iopc_referral')).toMatchObject({ metBy: 'category changed' });

    const stats = (await api(t.baseUrl, 'GET', '/api/stats', { token: auditor })).body;
    const version = found.triage.rulesetVersion;
    expect(stats.overridesByRulesetVersion[version].applied).toBeGreaterThanOrEqual(2);
    expect((await setCategory(reference, 'political', auditor)).status).toBe(403);
  });

  const lettersOf = async (reference: string) => (await api(t.baseUrl, 'GET', `/api/cases/${reference}/letters`, { token: officerA })).body as Array<Record<string, any>>;
  async function waitForLetter(reference: string, match: (l: Record<string, any>) => boolean): Promise<Record<string, any>> {
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      const found = (await lettersOf(reference)).find(match);
      if (found) return found;
    }
    throw new Error(`no such letter on ${reference}`);
  }

  it('acknowledges on receipt without an officer, then takes a conduct case through informal resolution with letters the officer writes', async () => {
    const reference = await triagedCase();
    const ack = await waitForLetter(reference, (l) => l.template === 'acknowledgement' && l.status === 'sent');
    expect(ack).toMatchObject({ kind: 'acknowledgement', language: 'en', delivery: 'email', createdBy: null, sentAt: expect.any(String), sendError: null });
    expect(ack.body).toContain(reference);
    expect(ack.body).toMatch(/We will write to you by\s+\d{1,2} \w+ \d{4}/);
    let found = await caseOf(reference);
    expect(found.deadlines.find((d: { kind: string }) => d.kind === 'acknowledgement')).toMatchObject({ state: 'met', metBy: 'letter: acknowledgement' });
    const mail = smtp.messages.find((m) => m.raw.includes(reference));
    expect(mail?.to).toEqual([found.complainant.email]);
    expect(mail?.raw).toContain('we have received it');
    expect((await api(t.baseUrl, 'POST', `/api/cases/${reference}/letters`, { token: officerA, body: { kind: 'acknowledgement' } })).status).toBe(409);

    if (found.category !== 'conduct') await setCategory(reference, 'conduct');
    const early = await api(t.baseUrl, 'POST', `/api/cases/${reference}/letters`, { token: officerA, body: { kind: 'informal_resolution_outcome', message: 'x' } });
    expect(early.status).toBe(409);
    for (const kind of ['informal_resolution_started', 'comments_invited', 'informal_resolution_concluded']) {
      const step = await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: officerA, body: { kind, notes: `Internal: the commissioner's aide was difficult on the phone (${kind}).` } });
      expect(step.status).toBe(200);
    }
    const noMessage = await api(t.baseUrl, 'POST', `/api/cases/${reference}/letters`, { token: officerA, body: { kind: 'informal_resolution_outcome' } });
    expect(noMessage.status).toBe(400);
    const draft = await api(t.baseUrl, 'POST', `/api/cases/${reference}/letters`, { token: officerA, body: { kind: 'informal_resolution_outcome', message: 'The commissioner has apologised to you in writing.' } });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', sentAt: null, message: 'The commissioner has apologised to you in writing.' });
    expect(draft.body.body).toContain('The commissioner has apologised to you in writing.');
    expect(draft.body.body).not.toContain('difficult on the phone');
    const sent = await api(t.baseUrl, 'POST', `/api/cases/${reference}/letters/${draft.body.id}/sending`, { token: officerA, body: { delivery: 'email' } });
    expect(sent.body.status).toBe('sending');
    await waitForLetter(reference, (l) => l.id === draft.body.id && l.status === 'sent');
    found = await caseOf(reference);
    expect(found.deadlines.find((d: { kind: string }) => d.kind === 'informal_resolution')).toMatchObject({ state: 'met' });
  });

  it('tells a non-policing complainant where to go instead, in the officer\'s words', async () => {
    const reference = await triagedCase({ summary: 'The council has not collected my bins', details: 'The council missed my bin collection for three weeks.' });
    if ((await caseOf(reference)).category !== 'non_policing') await setCategory(reference, 'non_policing');
    await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: officerA, body: { kind: 'redirected', notes: 'Told him twice already; he will not listen.' } });
    const letter = await api(t.baseUrl, 'POST', `/api/cases/${reference}/letters`, { token: officerA, body: { kind: 'not_recorded_notice', message: 'Bin collection is the council’s responsibility.' } });
    expect(letter.status).toBe(201);
    expect(letter.body.body).toContain('Bin collection is the council’s responsibility.');
    expect(letter.body.body).not.toContain('will not listen');
  });

  it('assigns cases and filters the queue by assignee, category, text and overdue', async () => {
    const reference = await triagedCase({ summary: 'Zanzibar marmalade incident', details: 'The commissioner was rude to me about marmalade at the Zanzibar cafe.' });
    const users = (await api(t.baseUrl, 'GET', '/api/users', { token: admin })).body as Array<{ id: string; email: string }>;
    const b = users.find((u) => u.email === 'b@example.org')!;
    expect((await api(t.baseUrl, 'POST', `/api/cases/${reference}/assignment`, { token: officerA, body: { assigneeId: b.id } })).status).toBe(204);
    const mine = (await api(t.baseUrl, 'GET', '/api/cases?assignee=me', { token: officerB })).body;
    expect(mine.items.map((c: { reference: string }) => c.reference)).toEqual([reference]);
    const searched = (await api(t.baseUrl, 'GET', '/api/cases?q=marmalade%20zanzibar', { token: officerA })).body;
    expect(searched.items.map((c: { reference: string }) => c.reference)).toEqual([reference]);
    const category = (await caseOf(reference)).category;
    const byCategory = (await api(t.baseUrl, 'GET', `/api/cases?category=${category}&pageSize=200`, { token: officerA })).body;
    expect(byCategory.items.every((c: { category: string }) => c.category === category)).toBe(true);
    await t.db.query(`UPDATE deadlines SET due_at = now() - interval '1 day' WHERE complaint_id = (SELECT id FROM complaints WHERE reference = $1)`, [reference]);
    await t.db.query(`UPDATE complaints SET next_due_at = now() - interval '1 day' WHERE reference = $1`, [reference]);
    await t.app.get(StatsRollupService).rebuildAll(); // changes made by SQL write no case-log event
    const overdue = (await api(t.baseUrl, 'GET', '/api/cases?overdue=true', { token: officerA })).body;
    expect(overdue.items.map((c: { reference: string }) => c.reference)).toEqual([reference]);
    expect((await api(t.baseUrl, 'GET', '/api/stats', { token: officerA })).body.overdue).toBe(1);
    expect((await api(t.baseUrl, 'GET', '/api/cases?category=bogus', { token: officerA })).status).toBe(400);
  });

  it('shows auditors the case without the complainant’s personal data, and lets them change nothing', async () => {
    const reference = await triagedCase();
    const seen = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token: auditor })).body;
    expect(Object.keys(seen.complainant)).toEqual(['id']);
    expect((await api(t.baseUrl, 'POST', `/api/cases/${reference}/outcome`, { token: auditor, body: { kind: 'withdrawn', notes: 'x' } })).status).toBe(403);
  });

  it('shows a complainant where the complaint stands, given the reference and the email, and nothing else', async () => {
    const body = complaintBody();
    const { body: receipt } = await api(t.baseUrl, 'POST', '/api/complaints', { body });
    const browser = new FormBrowser(t.baseUrl);
    const form = await browser.get('/complaints/status');
    const found = await browser.post('/complaints/status', { _csrf: browser.csrfOf(form.html), reference: receipt.reference.toLowerCase(), email: body.complainant.email.toUpperCase() });
    expect(found.status).toBe(200);
    expect(found.html).toMatch(/received your complaint|deciding how your complaint/);
    expect(found.html).not.toContain(body.details);
    const wrong = await browser.post('/complaints/status', { _csrf: browser.csrfOf(form.html), reference: receipt.reference, email: 'someone.else@example.org' });
    expect(wrong.status).toBe(404);
    expect(wrong.html).toContain('could not find a complaint');
  });

  it('lets an officer do the same in the browser, with every form protected by CSRF', async () => {
    const reference = await triagedCase({ details: 'He shouted <script>alert("x")</script> at me & left.' });
    const browser = new FormBrowser(t.baseUrl);
    const loginPage = await browser.get('/login');
    const signedIn = await browser.post('/login', { _csrf: browser.csrfOf(loginPage.html), email: 'a@example.org', password: 'a-long-password-1', next: '/cases' });
    expect(signedIn.url).toMatch(/\/cases$/);
    expect(signedIn.html).toContain(reference);
    const page = await browser.get(`/cases/${reference}`);
    expect(page.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.html).not.toContain('<script>alert');
    const refused = await browser.post(`/cases/${reference}/outcome`, { kind: 'withdrawn', notes: 'no token' });
    expect(refused.status).toBe(403);
    const done = await browser.post(`/cases/${reference}/outcome`, { _csrf: browser.csrfOf(page.html), kind: 'withdrawn', notes: 'Signed letter of withdrawal received.' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('The outcome has been recorded');
    const again = await browser.post(`/cases/${reference}/outcome`, { _csrf: browser.csrfOf(done.html), kind: 'withdrawn', notes: 'twice' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('That cannot be done');
  });
});
