import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PERSONAL_DATA_TABLES, TABLES_WITHOUT_PERSONAL_DATA } from '../src/erasure/personal-data-map.js';
import { api, login, waitForTriage } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const run = promisify(execFile);

/** Distinctive enough that any trace of it anywhere in a dump of the database is unmistakably theirs. */
const person = {
  name: 'Perpetua Quillfeather',
  email: 'perpetua.quillfeather@example.org',
  phone: '07700 900461',
  postalAddress: '17 Marrowbone Lane, Ravensworth RV4 9ZQ',
};
const sentence = 'The commissioner took my grandmother’s Zorblaxian teapot from the Marrowbone community hall without asking anyone';
const traces = [
  person.name, person.email, person.phone, person.postalAddress, 'Quillfeather', 'Marrowbone', '900461', 'RV4 9ZQ',
  sentence, 'Zorblaxian', 'zorblaxian', 'Bartholomew Inkwhistle', 'inkwhistle@example.org', 'hearing loop in the Thimbleby room', 'Thimbleby',
  'quillfeather-evidence.txt', 'Gloomwillow secret',
];

describe('erasure of a case or a complainant, keeping the statistics and the case log', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let first: string;
  let second: string;
  let other: string;

  const dump = async () => {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', t.env.DATABASE_URL], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  };
  const found = (text: string) => {
    const lower = text.toLowerCase();
    const hex = (value: string) => Buffer.from(value).toString('hex');
    return traces.filter((trace) => lower.includes(trace.toLowerCase()) || lower.includes(hex(trace)));
  };

  beforeAll(async () => {
    // clamd is not reachable, so the evidence file is kept in quarantine: stored all the same, which is what matters here
    t = await startTestApp({ CLAMAV_URL: 'tcp://127.0.0.1:1' });
    admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'erasure.officer@example.org', password: 'a-long-password-1', role: 'officer' } });
    officer = await login(t.baseUrl, 'erasure.officer@example.org', 'a-long-password-1');
    const submit = async (body: Record<string, unknown>) => {
      const sent = await api(t.baseUrl, 'POST', '/api/complaints', { body });
      expect(sent.status).toBe(201);
      return sent.body.reference as string;
    };
    first = await submit({
      complainant: person,
      subject: { role: 'pcc', name: 'Commissioner Gloomwillow' },
      summary: 'The commissioner took a teapot belonging to my family',
      details: `${sentence}. I am ${person.name} and I want it back. The Gloomwillow secret is out.`,
      adjustments: 'I need a hearing loop in the Thimbleby room',
      representative: { name: 'Bartholomew Inkwhistle', relationship: 'nephew', email: 'inkwhistle@example.org' },
    });
    second = await submit({ complainant: { name: 'P. Quillfeather', email: 'Perpetua.Quillfeather+again@example.org' }, subject: { role: 'pcc' }, summary: 'Still no teapot from the commissioner', details: `I wrote before. ${sentence}.` });
    other = await submit({ complainant: { name: 'Someone Else', email: 'someone.else@example.org' }, subject: { role: 'pcc' }, summary: 'The commissioner was rude at a meeting', details: 'She shouted at residents during the public meeting.' });
    for (const reference of [first, second, other]) await waitForTriage(t.baseUrl, officer, reference);

    const data = new FormData();
    data.append('email', person.email);
    data.append('file', new Blob([Buffer.from('The Gloomwillow secret, in writing, from Perpetua Quillfeather.')]), 'quillfeather-evidence.txt');
    expect((await fetch(`${t.baseUrl}/api/complaints/${first}/evidence`, { method: 'POST', body: data })).status).toBe(201);
    const work = async (path: string, body: unknown) => {
      const response = await api(t.baseUrl, 'POST', `/api/cases/${first}/${path}`, { token: officer, body });
      expect(response.status).toBeLessThan(300);
    };
    await work('notes', { text: `Spoke to ${person.name} on ${person.phone}; she lives at ${person.postalAddress}.` });
    await work('classification', { category: 'criminal', reason: `The Zorblaxian teapot taken from ${person.name} may be theft` });
    await work('outcome', { kind: 'acknowledged', notes: `Acknowledged by phone to ${person.name}` });
    // the acknowledgement, made on receipt by a worker (a draft, as no SMTP is set), is addressed to them by name
    for (let i = 0; i < 100 && !(await api(t.baseUrl, 'GET', `/api/cases/${first}/letters`, { token: officer })).body.length; i++) await new Promise((r) => setTimeout(r, 100));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('classifies every table of the database as holding personal data (with its eraser) or not (and why)', async () => {
    const tables = ((await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)) as Array<{ table_name: string }>).map((r) => r.table_name);
    const unclassified = tables.filter((table) => !(table in PERSONAL_DATA_TABLES) && !(table in TABLES_WITHOUT_PERSONAL_DATA));
    expect(unclassified).toEqual([]);
    expect(Object.keys(PERSONAL_DATA_TABLES).filter((table) => table in TABLES_WITHOUT_PERSONAL_DATA)).toEqual([]);
  });

  it('refuses officers, an unknown case, no reason and a reason that names the complainant, erasing nothing', async () => {
    expect((await api(t.baseUrl, 'POST', `/api/cases/${first}/erasure`, { token: officer, body: { reason: 'asked' } })).status).toBe(403);
    expect((await api(t.baseUrl, 'POST', '/api/cases/PCC-0000-0000/erasure', { token: admin, body: { reason: 'asked' } })).status).toBe(404);
    const none = await api(t.baseUrl, 'POST', `/api/cases/${first}/erasure`, { token: admin, body: {} });
    expect(none.status).toBe(400);
    expect(none.body.message.join(' ')).toMatch(/reason/);
    const naming = await api(t.baseUrl, 'POST', `/api/cases/${first}/erasure`, { token: admin, body: { reason: 'Ms Quillfeather asked by letter' } });
    expect(naming.status).toBe(400);
    expect(naming.body.message.join(" ")).toMatch(/must not contain the complainant’s name/);
    const scope = await api(t.baseUrl, 'POST', `/api/cases/${first}/erasure`, { token: admin, body: { reason: 'asked', scope: 'everyone' } });
    expect(scope.status).toBe(400);
    expect(found(await dump())).toEqual(expect.arrayContaining(['Zorblaxian', person.email]));
  });

  it('does not erase a case under a legal hold, and says which', async () => {
    const held = await api(t.baseUrl, 'POST', `/api/cases/${other}/legal-hold`, { token: admin, body: { held: true, reason: 'Pending litigation about the meeting' } });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ held: true, hold: { reference: other, reason: 'Pending litigation about the meeting', placedBy: ADMIN.email } });
    expect((await api(t.baseUrl, 'POST', `/api/cases/${other}/legal-hold`, { token: admin, body: { held: true, reason: 'again' } })).status).toBe(409);
    const refused = await api(t.baseUrl, 'POST', `/api/cases/${other}/erasure`, { token: admin, body: { reason: 'Retention period over' } });
    expect(refused.status).toBe(409);
    expect(refused.body.message.join(" ")).toContain(other);
    const still = (await api(t.baseUrl, 'GET', `/api/cases/${other}`, { token: officer })).body;
    expect(still.complainant.name).toBe('Someone Else');
    expect((await api(t.baseUrl, 'GET', '/api/legal-holds', { token: admin })).body).toEqual([expect.objectContaining({ reference: other })]);
  });

  it('erases every case of the complainant: nothing of them is left in a full dump, the chain verifies against an earlier checkpoint, the figures stand', async () => {
    const plan = await api(t.baseUrl, 'GET', `/api/cases/${first}/erasure?scope=complainant`, { token: admin });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ scope: 'complainant', complainantName: person.name });
    expect(plan.body.cases.map((c: { reference: string }) => c.reference).sort()).toEqual([first, second].sort());
    const before = await api(t.baseUrl, 'GET', `/api/cases/${first}`, { token: officer });
    const statsBefore = (await api(t.baseUrl, 'GET', '/api/stats', { token: officer })).body;
    const checkpoint = (await api(t.baseUrl, 'GET', '/api/audit/checkpoint', { token: admin })).body;
    expect(found(await dump()).length).toBeGreaterThan(10);

    const erased = await api(t.baseUrl, 'POST', `/api/cases/${first}/erasure`, { token: admin, body: { reason: 'Erasure asked for in writing under Article 17', scope: 'complainant' } });
    expect(erased.status).toBe(200);
    expect(erased.body.erased.map((e: { reference: string }) => e.reference).sort()).toEqual([first, second].sort());
    const mine = erased.body.erased.find((e: { reference: string }) => e.reference === first);
    expect(mine.removed).toMatchObject({ complainants: 1, representatives: 1, complaints: 1, case_notes: 1, classification_overrides: 1, evidence_files: 1, case_text_keys: 1 });

    // nothing anywhere: every table, the case log, the queue of events, the evidence's bytes (pg_dump writes bytea as hex)
    expect(found(await dump())).toEqual([]);

    const verify = await api(t.baseUrl, 'POST', '/api/audit/verify', { token: admin, body: { checkpoint } });
    expect(verify.body).toMatchObject({ ok: true, checkpoint: 'consistent', firstBrokenSequence: null });
    expect((await api(t.baseUrl, 'GET', '/api/audit/verify', { token: admin })).body.ok).toBe(true);

    // every figure as it was, but for the count of erased cases, which is the erasure itself
    const statsAfter = (await api(t.baseUrl, 'GET', '/api/stats', { token: officer })).body;
    expect(statsBefore.erasures).toEqual({ request: 0, retention: 0, total: 0 });
    expect(statsAfter.erasures).toEqual({ request: 2, retention: 0, total: 2 });
    expect({ ...statsAfter, generatedAt: null, erasures: null }).toEqual({ ...statsBefore, generatedAt: null, erasures: null });
    const today = new Date().toISOString().slice(0, 10);
    const period = (await api(t.baseUrl, 'GET', `/api/stats?from=${today}&to=${today}`, { token: officer })).body;
    expect({ ...period, generatedAt: null, erasures: null, period: null }).toEqual({ ...statsBefore, generatedAt: null, erasures: null, period: null });

    const after = (await api(t.baseUrl, 'GET', `/api/cases/${first}`, { token: officer })).body;
    for (const kept of ['reference', 'status', 'category', 'triageCategory', 'receivedAt', 'channel', 'subjectRole', 'deadlines']) expect(after[kept]).toEqual(before.body[kept]);
    expect(after.triage.steps.map((s: { verdict: string }) => s.verdict)).toEqual(before.body.triage.steps.map((s: { verdict: string }) => s.verdict));
    expect(after).toMatchObject({ summary: '[erased]', details: '[erased]', complainant: { name: '[erased]', email: null, phone: null, postalAddress: null, adjustments: null }, evidence: [] });
    expect(after.notes[0].text).toBe('[erased]');

    const history = (await api(t.baseUrl, 'GET', `/api/cases/${first}/history`, { token: admin })).body as Array<{ type: string; actor: string; details: Record<string, unknown> }>;
    expect(history.at(-1)).toMatchObject({ type: 'case.personal_data_erased', actor: ADMIN.email, details: { trigger: 'request', reasonHmac: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect((await api(t.baseUrl, 'GET', '/api/erasures', { token: admin })).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ reference: first, trigger: 'request', reason: 'Erasure asked for in writing under Article 17', erasedBy: ADMIN.email })]),
    );
  });

  it('keeps an erased case out of the triage and of letters', async () => {
    expect((await api(t.baseUrl, 'POST', `/api/cases/${first}/retriage`, { token: officer })).status).toBe(409);
    const letter = await api(t.baseUrl, 'POST', `/api/cases/${second}/letters`, { token: officer, body: { kind: 'acknowledgement' } });
    expect(letter.status).toBe(409);
    expect(letter.body.message.join(" ")).toMatch(/personal data has been erased/);
    expect((await api(t.baseUrl, 'GET', `/api/cases/${first}/letters`, { token: officer })).body).toEqual([expect.objectContaining({ body: '[erased]', status: 'failed' })]);
  });
});
