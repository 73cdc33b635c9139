import { createHash, createHmac } from 'node:crypto';
import { eicar, OwnClamd } from './helpers/clamd.js';
import { api, complaintBody, FormBrowser, login } from './helpers/http.js';
import { samplePdf } from './helpers/pdf.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const MAX = 10 * 1024 * 1024;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Evidence upload against a real clamd (Debian's), with a signature database built from the EICAR test file. */
describe('evidence', () => {
  let clamd: OwnClamd;
  let t: TestApp;
  let token: string;
  let pdf: Buffer;

  beforeAll(async () => {
    clamd = await OwnClamd.start();
    t = await startTestApp({ CLAMAV_URL: clamd.url, EVIDENCE_RESCAN_SECONDS: '1' });
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'officer@example.org', password: 'officer-password-1', role: 'officer' } });
    token = await login(t.baseUrl, 'officer@example.org', 'officer-password-1');
    pdf = await samplePdf();
  });

  afterAll(async () => {
    await t?.close();
    await clamd?.close();
  });

  const files = async () => Number((await t.db.query(`SELECT count(*) AS n FROM evidence_files`))[0].n);
  const complaints = async () => Number((await t.db.query(`SELECT count(*) AS n FROM complaints`))[0].n);
  const newComplaint = async () => {
    const body = complaintBody();
    const { reference } = (await api(t.baseUrl, 'POST', '/api/complaints', { body })).body;
    return { reference: reference as string, email: body.complainant.email };
  };
  const upload = async (reference: string, email: string, filename: string, content: Buffer) => {
    const data = new FormData();
    data.append('email', email);
    data.append('file', new Blob([new Uint8Array(content)]), filename);
    const response = await fetch(`${t.baseUrl}/api/complaints/${reference}/evidence`, { method: 'POST', body: data });
    return { status: response.status, body: (await response.json()) as any };
  };

  describe('through the API', () => {
    it('stores a clean PDF with its SHA-256 in the case log, and lets an officer download it', async () => {
      const { reference, email } = await newComplaint();
      const stored = await upload(reference, email, 'minutes.pdf', pdf);
      expect(stored).toEqual({ status: 201, body: { id: expect.any(String), filename: 'minutes.pdf', size: pdf.length, sha256: sha256(pdf), scan: 'clean' } });
      const found = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token })).body;
      expect(found.evidence).toEqual([{ id: stored.body.id, filename: 'minutes.pdf', size: pdf.length, sha256: sha256(pdf), mediaType: 'application/pdf', scan: 'clean' }]);
      const events = await t.db.query(
        `SELECT details FROM case_events WHERE reference = $1 AND type = 'evidence.received' UNION ALL SELECT details FROM case_event_queue WHERE reference = $1 AND type = 'evidence.received'`,
        [reference],
      );
      // the file's SHA-256 keyed with the case's key: whoever holds a copy cannot confirm from the log that it was sent
      const [{ key }] = (await t.db.query(`SELECT k.key FROM case_text_keys k JOIN complaints c ON c.id = k.complaint_id WHERE c.reference = $1`, [reference])) as Array<{ key: Buffer }>;
      expect(events).toEqual([{ details: expect.objectContaining({ evidenceId: stored.body.id, sha256Hmac: createHmac('sha256', key).update(sha256(pdf)).digest('hex'), scan: 'clean' }) }]);
      expect(JSON.stringify(events)).not.toContain(sha256(pdf));
      expect(JSON.stringify(events)).not.toContain('minutes.pdf'); // names may name people: never in the log

      const download = await fetch(`${t.baseUrl}/api/cases/${reference}/evidence/${stored.body.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toContain('attachment; filename="minutes.pdf"');
      expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
      expect((await fetch(`${t.baseUrl}/api/cases/${reference}/evidence/${stored.body.id}`)).status).toBe(401);
    });

    it('refuses the EICAR test file with a 422 naming it, and stores nothing', async () => {
      const { reference, email } = await newComplaint();
      const before = await files();
      const refused = await upload(reference, email, 'eicar.com', eicar());
      expect(refused.status).toBe(422);
      expect(refused.body.message.join(' ')).toContain('eicar.com contains a virus');
      expect(await files()).toBe(before);
      expect(await t.db.query(`SELECT 1 FROM case_event_queue WHERE reference = $1 AND type LIKE 'evidence%' UNION ALL SELECT 1 FROM case_events WHERE reference = $1 AND type LIKE 'evidence%'`, [reference])).toEqual([]);
    });

    it('refuses a file over the limit (413), a type it does not take (415), a sixth file (413), a wrong email (404)', async () => {
      const { reference, email } = await newComplaint();
      const big = Buffer.concat([pdf, Buffer.alloc(MAX + 1 - pdf.length, 0x20)]);
      const tooBig = await upload(reference, email, 'scan.pdf', big);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.message.join(' ')).toContain('10 MB');
      const program = await upload(reference, email, 'photo.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from('PE\0\0')]));
      expect(program.status).toBe(415);
      expect(program.body.message.join(' ')).toContain('photo.jpg');
      expect((await upload(reference, 'someone.else@example.org', 'a.pdf', pdf)).status).toBe(404);
      expect((await upload('PCC-0000-0000', email, 'a.pdf', pdf)).status).toBe(404);
      for (let i = 0; i < 5; i++) expect((await upload(reference, email, `page-${i}.pdf`, await samplePdf(`page ${i}`))).status).toBe(201);
      const sixth = await upload(reference, email, 'page-6.pdf', await samplePdf('page 6'));
      expect(sixth.status).toBe(413);
      expect(sixth.body.message.join(' ')).toContain('at most 5 files');
      const missing = await fetch(`${t.baseUrl}/api/complaints/${reference}/evidence`, { method: 'POST', body: (() => { const d = new FormData(); d.append('email', email); return d; })() });
      expect(missing.status).toBe(400);
    });

    it('keeps files in quarantine as pending while clamd is down, and scans them when it returns', async () => {
      const { reference, email } = await newComplaint();
      await clamd.stop();
      try {
        const clean = await upload(reference, email, 'letter.pdf', pdf);
        const virus = await upload(reference, email, 'eicar.txt', eicar());
        expect([clean.status, clean.body.scan, virus.status, virus.body.scan]).toEqual([201, 'pending', 201, 'pending']);
        const early = await fetch(`${t.baseUrl}/api/cases/${reference}/evidence/${clean.body.id}`, { headers: { authorization: `Bearer ${token}` } });
        expect(early.status).toBe(409); // never given out unscanned
      } finally {
        await clamd.start();
      }
      const until = Date.now() + 20_000;
      let scans: string[] = [];
      while (Date.now() < until) {
        scans = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token })).body.evidence.map((e: { scan: string }) => e.scan);
        if (!scans.includes('pending')) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(scans.sort()).toEqual(['clean', 'infected']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM evidence_contents x JOIN evidence_files e ON e.id = x.evidence_id WHERE e.scan = 'infected'`);
      expect(n).toBe(0); // the infected file's bytes are gone
    });
  });

  describe('with the form (multipart, no JavaScript)', () => {
    const fields = (html: string) => ({
      _csrf: html.match(/name="_csrf" value="([^"]*)"/)![1],
      submissionId: html.match(/name="submissionId" value="([^"]*)"/)![1],
      forSomeoneElse: 'no', name: 'Eleri Morgan', email: `eleri.${Date.now()}@example.org`, contactPreference: 'email',
      subjectRole: 'pcc', summary: 'The commissioner misled the panel', details: 'The minutes I attach show what she said on 3 November.',
    });

    it('sends a clean PDF with the complaint: listed on the confirmation and on the case with its hash', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const form = fields((await browser.get('/complaints/new')).html);
      const sent = await browser.postMultipart('/complaints', form, [{ field: 'evidence', filename: 'minutes.pdf', content: pdf, type: 'application/pdf' }]);
      expect(sent.status).toBe(200);
      const reference = sent.html.match(/id="reference">([^<]+)</)![1];
      expect(sent.html).toContain('minutes.pdf: checked for viruses');
      const found = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token })).body;
      expect(found.evidence).toEqual([expect.objectContaining({ filename: 'minutes.pdf', sha256: sha256(pdf), scan: 'clean' })]);
    });

    it('refuses the EICAR file by name, keeps the answers and stores no complaint; names the size limit', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const form = fields((await browser.get('/complaints/new')).html);
      const before = await complaints();
      const infected = await browser.postMultipart('/complaints', form, [
        { field: 'evidence', filename: 'minutes.pdf', content: pdf },
        { field: 'evidence', filename: 'eicar.com', content: eicar() },
      ]);
      expect(infected.status).toBe(422);
      expect(infected.html).toContain('eicar.com contains a virus, so we have not accepted it');
      expect(infected.html).toContain('href="#evidence"');
      expect(infected.html).toContain('value="Eleri Morgan"');
      const big = await browser.postMultipart('/complaints', { ...form, _csrf: browser.csrfOf(infected.html) }, [{ field: 'evidence', filename: 'video.mp4', content: Buffer.alloc(MAX + 10, 1) }]);
      expect(big.status).toBe(413);
      expect(big.html).toContain('video.mp4 is larger than 10 MB. Each file must be 10 MB or smaller');
      expect(await complaints()).toBe(before);

      const welsh = new FormBrowser(t.baseUrl);
      const cy = fields((await welsh.get('/complaints/new?lang=cy')).html);
      const refused = await welsh.postMultipart('/complaints', { ...cy, language: 'cy' }, [{ field: 'evidence', filename: 'eicar.com', content: eicar() }]);
      expect(refused.html).toContain('Mae feirws yn eicar.com');
    });

    it('checks the CSRF token of a multipart form, and refuses field values that are not UTF-8', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const form = fields((await browser.get('/complaints/new')).html);
      const before = await complaints();
      expect((await browser.postMultipart('/complaints', { ...form, _csrf: 'forged' }, [{ field: 'evidence', filename: 'a.pdf', content: pdf }])).status).toBe(403);
      const boundary = 'x-boundary';
      const part = (name: string, value: string | Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]);
      const body = Buffer.concat([
        ...Object.entries(form).filter(([k]) => k !== 'name').map(([k, v]) => part(k, v)),
        part('name', Buffer.concat([Buffer.from('Eleri '), Buffer.from([0xc3, 0x28])])), // not UTF-8
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      const good = Buffer.concat([...Object.entries(form).map(([k, v]) => part(k, v)), Buffer.from(`--${boundary}--\r\n`)]);
      const bad = await fetch(`${t.baseUrl}/complaints`, { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: browser.cookieHeader(), accept: 'text/html' } });
      expect(bad.status).toBe(400);
      expect(await complaints()).toBe(before);
      // the same form with good bytes goes through: the 400 was the encoding, not the form
      const sent = await fetch(`${t.baseUrl}/complaints`, { method: 'POST', body: good, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: browser.cookieHeader(), accept: 'text/html' } });
      expect(sent.status).toBe(200);
      expect(await complaints()).toBe(before + 1);
    });
  });
});
