import { execFileSync } from 'node:child_process';
import { api, complaintBody, login } from './helpers/http.js';
import { SmtpSink } from './helpers/smtp-sink.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/** Letters in the complainant's language, by the way they asked to be contacted, with copies for a representative. */
describe('letters to complainants: Welsh, post, representatives', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let officer: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'welsh.officer@example.org', password: 'a-long-password-1', role: 'officer' } });
    officer = await login(t.baseUrl, 'welsh.officer@example.org', 'a-long-password-1');
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const lettersOf = async (reference: string, until: (letters: Array<Record<string, any>>) => boolean) => {
    for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      const letters = (await api(t.baseUrl, 'GET', `/api/cases/${reference}/letters`, { token: officer })).body;
      if (until(letters)) return letters;
    }
    throw new Error(`letters of ${reference} never arrived`);
  };
  /** The decoded text of a received message (quoted-printable soft breaks and escapes undone). */
  const text = (raw: string) => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

  it('acknowledges a Welsh complaint in Welsh, by email, with Welsh dates and a Welsh subject line, and copies the representative', async () => {
    const body = complaintBody({ language: 'cy', representative: { name: 'Gareth Evans', relationship: 'mab', email: 'gareth.copi@example.org', consent: true } });
    const { reference } = (await api(t.baseUrl, 'POST', '/api/complaints', { body })).body;
    const [letter] = await lettersOf(reference, (l) => l.some((x) => x.status === 'sent'));
    expect(letter).toMatchObject({ template: 'acknowledgement', language: 'cy', status: 'sent', delivery: 'email' });
    expect(letter.subject).toBe(`Eich cwyn ${reference}: rydym wedi ei chael`);
    expect(letter.body).toContain(`Annwyl ${body.complainant.name},`);
    expect(letter.body).toMatch(/Cawsom hi ar \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}\./);
    expect(letter.body).toContain('y Comisiynydd Heddlu a Throseddu');
    expect(letter.body).not.toMatch(/Dear|Yours sincerely|Police and Crime Panel/);
    const toComplainant = smtp.messages.find((m) => m.to.includes(body.complainant.email));
    expect(toComplainant && text(toComplainant.raw)).toContain('Yn gywir,');
    const copy = smtp.messages.find((m) => m.to.includes('gareth.copi@example.org'));
    expect(copy && text(copy.raw)).toContain('Annwyl');
    expect(copy && text(copy.raw)).toMatch(/Subject: .*Copi i Gareth Evans/s);
  });

  it('marks letters for post, sends no email, for a complaint by post with no email address', async () => {
    const sentBefore = smtp.messages.length;
    const { reference } = (
      await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ complainant: { name: 'Dilys Price', postalAddress: '4 Heol y Bont\nAberaeron SA46 0AA' }, contactPreference: 'post' }) })
    ).body;
    const [letter] = await lettersOf(reference, (l) => l.length > 0);
    expect(letter).toMatchObject({ template: 'acknowledgement', delivery: 'post', language: 'en', postalAddress: '4 Heol y Bont\nAberaeron SA46 0AA' });
    expect(letter.sentAt).toBeNull();
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messages.length).toBe(sentBefore);
    const pdf = await fetch(`${t.baseUrl}/api/cases/${reference}/letters/${letter.id}/pdf`, { headers: { authorization: `Bearer ${officer}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
  });

  it('prints a Welsh letter for the post with every Welsh letter (ŵ, ŷ) and a Welsh letterhead', async () => {
    const { reference } = (
      await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ language: 'cy', complainant: { name: 'Siân Gwŷr', postalAddress: 'Tŷ Gwyn, Ffordd y Môr\nAberystwyth SY23 1AA' }, contactPreference: 'post' }) })
    ).body;
    const [letter] = await lettersOf(reference, (l) => l.length > 0);
    expect(letter).toMatchObject({ delivery: 'post', language: 'cy' });
    const pdf = Buffer.from(await (await fetch(`${t.baseUrl}/api/cases/${reference}/letters/${letter.id}/pdf`, { headers: { authorization: `Bearer ${officer}` } })).arrayBuffer());
    const printed = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(printed).toContain('Panel Heddlu a Throseddu');
    expect(printed).toContain('Tŷ Gwyn, Ffordd y Môr');
    expect(printed).toContain('Annwyl Siân Gwŷr,');
    expect(printed).not.toContain('?');
  });
});
