import { strFromU8, unzipSync } from 'fflate';
import { OwnClamd } from './helpers/clamd.js';
import { api, FormBrowser, login, waitForTriage } from './helpers/http.js';
import { samplePdf } from './helpers/pdf.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('subject access: everything held about a complainant, as JSON, as a page and as a bundle', () => {
  let clamd: OwnClamd;
  let t: TestApp;
  let officer: string;
  let auditor: string;
  let first: string;
  let second: string;
  let stranger: string;
  let pdf: Buffer;

  beforeAll(async () => {
    clamd = await OwnClamd.start();
    t = await startTestApp({ CLAMAV_URL: clamd.url });
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    for (const [email, role] of [['sar.officer@example.org', 'officer'], ['sar.auditor@example.org', 'auditor']]) {
      await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email, password: 'a-long-password-1', role } });
    }
    officer = await login(t.baseUrl, 'sar.officer@example.org', 'a-long-password-1');
    auditor = await login(t.baseUrl, 'sar.auditor@example.org', 'a-long-password-1');
    const submit = async (name: string, email: string, summary: string) => (await api(t.baseUrl, 'POST', '/api/complaints', { body: { complainant: { name, email, phone: '01632 960 123' }, subject: { role: 'pcc' }, summary, details: `${summary}, and nobody answered my letters.` } })).body.reference as string;
    first = await submit('Winifred Applethwaite', 'winifred.applethwaite@example.org', 'The commissioner ignored my petition');
    second = await submit('Winifred Applethwaite', 'Winifred.Applethwaite+later@example.org', 'The commissioner missed the public meeting');
    stranger = await submit('Oswald Brackenridge', 'oswald.brackenridge@example.org', 'The commissioner insulted my neighbour');
    for (const reference of [first, second, stranger]) await waitForTriage(t.baseUrl, officer, reference);
    pdf = await samplePdf('My petition with 400 signatures');
    const data = new FormData();
    data.append('email', 'winifred.applethwaite@example.org');
    data.append('file', new Blob([new Uint8Array(pdf)]), 'petition.pdf');
    expect((await fetch(`${t.baseUrl}/api/complaints/${first}/evidence`, { method: 'POST', body: data })).status).toBe(201);
    expect((await api(t.baseUrl, 'POST', `/api/cases/${second}/notes`, { token: officer, body: { text: 'She rang about the meeting; wants a call back after 4pm.', contactChannel: 'phone', contactDirection: 'from_complainant' } })).status).toBe(201);
    for (let i = 0; i < 100 && (await api(t.baseUrl, 'GET', `/api/cases/${first}/letters`, { token: officer })).body.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await clamd?.close();
  });

  it('gives every complaint of the same person, with letters, notes, evidence and case events, and nobody else’s; the giving is logged', async () => {
    expect((await api(t.baseUrl, 'GET', `/api/cases/${second}/subject-access`, { token: auditor })).status).toBe(403);
    expect((await api(t.baseUrl, 'GET', '/api/cases/PCC-0000-0000/subject-access', { token: officer })).status).toBe(404);
    const response = await api(t.baseUrl, 'GET', `/api/cases/${second}/subject-access`, { token: officer });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const document = response.body;
    expect(document).toMatchObject({ reference: second, generatedBy: 'sar.officer@example.org' });
    expect(document.complaints.map((c: { reference: string }) => c.reference)).toEqual([second, first]);
    const [asked, earlier] = document.complaints;
    expect(asked).toMatchObject({ summary: 'The commissioner missed the public meeting', complainant: { name: 'Winifred Applethwaite', phone: '01632 960 123' } });
    expect(asked.notes).toEqual([expect.objectContaining({ text: 'She rang about the meeting; wants a call back after 4pm.', contactChannel: 'phone' })]);
    expect(earlier.evidence).toEqual([expect.objectContaining({ filename: 'petition.pdf', scan: 'clean' })]);
    expect(earlier.letters).toEqual([expect.objectContaining({ kind: 'acknowledgement', body: expect.stringContaining('Winifred Applethwaite') })]);
    expect(earlier.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['complaint.received', 'triage.completed', 'evidence.received']));
    expect(asked.triage.steps.length).toBeGreaterThan(5);
    expect(JSON.stringify(document)).not.toContain('Brackenridge');
    for (const reference of [first, second]) {
      const history = (await api(t.baseUrl, 'GET', `/api/cases/${reference}/history`, { token: auditor })).body as Array<{ type: string; details: Record<string, unknown> }>;
      expect(history.filter((h) => h.type === 'case.subject_access_given').at(-1)).toMatchObject({ details: { requestedFrom: second, format: 'json', complaints: 2 } });
    }
  });

  it('zips a readable page, the JSON and the evidence files, holding every item', async () => {
    const response = await fetch(`${t.baseUrl}/api/cases/${first}/subject-access.zip`, { headers: { authorization: `Bearer ${officer}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="subject-access-${first}-\\d{4}-\\d\\d-\\d\\d\\.zip"$`));
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['evidence/' + first + '/01-petition.pdf', 'subject-access.html', 'subject-access.json'].sort());
    expect(Buffer.from(files[`evidence/${first}/01-petition.pdf`]).equals(pdf)).toBe(true);
    const document = JSON.parse(strFromU8(files['subject-access.json']));
    const html = strFromU8(files['subject-access.html']);
    // every item of the JSON shows in the readable page
    for (const complaint of document.complaints) {
      expect(html).toContain(`Complaint ${complaint.reference}`);
      expect(html).toContain(complaint.summary);
      for (const note of complaint.notes) expect(html).toContain(note.text.replace(/'/g, '&#39;'));
      for (const letter of complaint.letters) expect(html).toContain(`${letter.title}, `);
      for (const evidence of complaint.evidence) expect(html).toContain(evidence.filename);
      expect(html).toContain(`Every event recorded on complaint ${complaint.reference}`);
    }
    expect(html).toContain('<html lang="en">');
    // events named as on the case page, and who did them by email or in words: never a user id
    expect(html).toContain('Complaint received');
    expect(html).not.toMatch(/user:[0-9a-f-]{8}/);
    expect(html).toContain('Winifred Applethwaite');
    expect(html).not.toContain('Brackenridge');
  });

  it('shows the same to an officer on a page reached from the case page, with the bundle to download', async () => {
    const browser = new FormBrowser(t.baseUrl);
    const form = await browser.get('/login');
    await browser.post('/login', { _csrf: browser.csrfOf(form.html), email: 'sar.officer@example.org', password: 'a-long-password-1' });
    const casePage = await browser.get(`/cases/${first}`);
    expect(casePage.html).toContain(`href="/cases/${first}/subject-access"`);
    const page = await browser.get(`/cases/${first}/subject-access`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Everything held about the complainant');
    expect(page.html).toContain('petition.pdf');
    expect(page.html).toContain(`/api/cases/${first}/subject-access.zip`);
  });
});
