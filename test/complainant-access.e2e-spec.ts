import { api, complaintBody, FormBrowser, login } from './helpers/http.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/** Welsh and English, contact by post, adjustments, representatives and the status page (issue 14). */
describe('complainant access', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await login(t.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const caseOf = async (reference: string) => (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token })).body;
  const formOf = (html: string) => ({ csrf: html.match(/name="_csrf" value="([^"]*)"/)![1], submissionId: html.match(/name="submissionId" value="([^"]*)"/)![1] });

  describe('the API', () => {
    it('records the language asked for, else the first of Welsh or English in Accept-Language, else English', async () => {
      const asked = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ language: 'cy' }) });
      const header = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody(), headers: { 'accept-language': 'fr-FR, cy;q=0.8, en;q=0.5' } });
      const plain = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() });
      expect([asked.status, header.status, plain.status]).toEqual([201, 201, 201]);
      expect((await caseOf(asked.body.reference)).language).toBe('cy');
      expect((await caseOf(header.body.reference)).language).toBe('cy');
      expect((await caseOf(plain.body.reference)).language).toBe('en');
      expect((await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ language: 'fr' }) })).body.message.join(' ')).toContain('language');
    });

    it('accepts a complaint by post with an address and no email, and refuses one that leaves no way to write', async () => {
      const before = await count('complaints');
      const byPost = complaintBody({ complainant: { name: 'Dilys Price', postalAddress: '4 Heol y Bont, Aberaeron SA46 0AA' }, contactPreference: 'post' });
      const accepted = await api(t.baseUrl, 'POST', '/api/complaints', { body: byPost });
      expect(accepted.status).toBe(201);
      const found = await caseOf(accepted.body.reference);
      expect(found).toMatchObject({ contactPreference: 'post', complainant: { name: 'Dilys Price', email: null, postalAddress: '4 Heol y Bont, Aberaeron SA46 0AA' } });

      const noEmail = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ complainant: { name: 'Ann Other' } }) });
      expect(noEmail.status).toBe(400);
      expect(noEmail.body.message.join(' ')).toContain('complainant.email');
      const postNoAddress = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ complainant: { name: 'Ann Other' }, contactPreference: 'post' }) });
      expect(postNoAddress.status).toBe(400);
      expect(postNoAddress.body.message.join(' ')).toContain('complainant.postalAddress');
      const phoneOnly = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ complainant: { name: 'Ann Other' }, contactPreference: 'phone' }) });
      expect(phoneOnly.body.message.join(' ')).toMatch(/complainant\.phone.*complainant\.email/);
      expect(await count('complaints')).toBe(before + 1);
    });

    it('stores adjustments and a representative, shows them to officers, and keeps them in the idempotency fingerprint', async () => {
      const body = complaintBody({
        adjustments: 'Large print letters, please. I cannot use the phone.',
        representative: { name: 'Gareth Evans', relationship: 'son', email: 'gareth@example.org', consent: true },
      });
      const headers = { 'idempotency-key': `access-${Date.now()}` };
      const first = await api(t.baseUrl, 'POST', '/api/complaints', { body, headers });
      expect(first.status).toBe(201);
      const found = await caseOf(first.body.reference);
      expect(found.complainant.adjustments).toBe('Large print letters, please. I cannot use the phone.');
      expect(found.representative).toEqual({ name: 'Gareth Evans', relationship: 'son', email: 'gareth@example.org', postalAddress: null, consent: true });
      expect((await api(t.baseUrl, 'POST', '/api/complaints', { body, headers })).body.reference).toBe(first.body.reference);
      const changed = await api(t.baseUrl, 'POST', '/api/complaints', { body: { ...body, adjustments: 'Braille' }, headers });
      expect(changed.status).toBe(409);
      const badRepresentative = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ representative: { name: 'X' } }) });
      expect(badRepresentative.body.message.join(' ')).toContain('representative.relationship');
    });
  });

  describe('the form, without JavaScript', () => {
    it('is Welsh with ?lang=cy, remembers the choice, and records a Welsh complaint by post with no email', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const page = await browser.get('/complaints/new?lang=cy');
      expect(page.html).toContain('<html lang="cy"');
      expect(page.html).toContain('Gwneud cwyn am eich Comisiynydd Heddlu a Throseddu');
      const again = await browser.get('/complaints/new');
      expect(again.html).toContain('<html lang="cy"'); // the cookie remembers

      const { csrf, submissionId } = formOf(again.html);
      const form = { _csrf: csrf, submissionId, language: 'cy', forSomeoneElse: 'no', name: 'Dilys Price', email: '', phone: '', postalAddress: '', contactPreference: 'post', adjustments: '', subjectRole: 'pcc', subjectName: '', summary: 'Ni atebodd y comisiynydd fy llythyrau', details: 'Ysgrifennais dair gwaith ac ni chefais ateb.', incidentDate: '' };
      const invalid = await browser.post('/complaints', form);
      expect(invalid.status).toBe(400);
      expect(invalid.html).toContain('<html lang="cy"');
      expect(invalid.html).toContain('Mae problem wedi codi');
      expect(invalid.html).toContain('Rhowch gyfeiriad post, neu dewiswch ffordd arall i ni gysylltu â chi');
      expect(invalid.html).toContain('<span class="govuk-visually-hidden">Gwall:</span>');

      const sent = await browser.post('/complaints', { ...form, _csrf: browser.csrfOf(invalid.html), postalAddress: '4 Heol y Bont\nAberaeron SA46 0AA' });
      expect(sent.status).toBe(200);
      expect(sent.html).toContain('Cwyn wedi’i hanfon');
      const reference = sent.html.match(/id="reference">([^<]+)</)![1];
      const found = await caseOf(reference);
      expect(found).toMatchObject({ language: 'cy', contactPreference: 'post', channel: 'web', complainant: { email: null } });
    });

    it('answers in English by Accept-Language or ?lang=en, and keeps staff pages English', async () => {
      const welshBrowser = new FormBrowser(t.baseUrl, { 'accept-language': 'cy-GB,cy;q=0.9' });
      expect((await welshBrowser.get('/complaints/new')).html).toContain('<html lang="cy"');
      expect((await welshBrowser.get('/complaints/new?lang=en')).html).toContain('<html lang="en"');
      expect((await welshBrowser.get('/complaints/new')).html).toContain('<html lang="en"');
      const login = await new FormBrowser(t.baseUrl, { 'accept-language': 'cy' }).get('/login?lang=cy');
      expect(login.html).toContain('<html lang="en"');
      expect(login.html).not.toContain('app-language-select');
      const missing = await welshBrowser.get('/complaints/nothing-here?lang=cy');
      expect(missing.status).toBe(404);
      expect(missing.html).toContain('Heb ddod o hyd i’r dudalen');
    });

    it('asks a representative for consent, then stores who they are', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const { csrf, submissionId } = formOf((await browser.get('/complaints/new')).html);
      const form = { _csrf: csrf, submissionId, forSomeoneElse: 'yes', representativeName: 'Gareth Evans', representativeRelationship: 'son', representativeEmail: 'gareth@example.org', name: 'Idris Evans', email: '', postalAddress: '1 Stryd Fawr, Llandeilo SA19 6AA', contactPreference: 'post', subjectRole: 'pcc', summary: 'The commissioner ignored my father', details: 'My father wrote twice and had no answer.' };
      const refused = await browser.post('/complaints', form);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('Confirm that they agree to you making this complaint for them');
      expect(refused.html).toContain('href="#representativeConsent"');
      const sent = await browser.post('/complaints', { ...form, _csrf: browser.csrfOf(refused.html), representativeConsent: 'yes' });
      const reference = sent.html.match(/id="reference">([^<]+)</)![1];
      expect((await caseOf(reference)).representative).toMatchObject({ name: 'Gareth Evans', relationship: 'son', consent: true });
    });
  });

  it.each([
    ['/privacy', 'Privacy notice', 'Hysbysiad preifatrwydd'],
    ['/accessibility', 'Accessibility statement', 'Datganiad hygyrchedd'],
    ['/contact', 'Contact the Police and Crime Panel', 'Cysylltu â’r Panel Heddlu a Throseddu'],
    ['/feedback', 'Give feedback on this service', 'Rhoi adborth ar y gwasanaeth hwn'],
  ])('serves %s in English and Welsh, linked from every public page', async (path, english, welsh) => {
    const browser = new FormBrowser(t.baseUrl);
    const en = await browser.get(path);
    expect(en.status).toBe(200);
    expect(en.html).toContain(`<h1 class="govuk-heading-l">${english}</h1>`);
    const cy = await browser.get(`${path}?lang=cy`);
    expect(cy.html).toContain('<html lang="cy"');
    expect(cy.html).toContain(`<h1 class="govuk-heading-l">${welsh}</h1>`);
    expect((await browser.get('/complaints/new')).html).toContain(`href="${path}"`);
  });

  describe('the status page', () => {
    it('names each missing field in GOV.UK words', async () => {
      const browser = new FormBrowser(t.baseUrl);
      const page = await browser.get('/complaints/status');
      const empty = await browser.post('/complaints/status', { _csrf: browser.csrfOf(page.html), reference: '', email: '' });
      expect(empty.status).toBe(400);
      expect(empty.html).toContain('Enter your reference number');
      expect(empty.html).toContain('Enter the email address or the postcode you gave us');
      expect(empty.html).toContain('href="#reference"');
      expect(empty.html).toContain('href="#email"');
      const shapeless = await browser.post('/complaints/status', { _csrf: browser.csrfOf(empty.html), reference: 'hello', email: 'a@example.org' });
      expect(shapeless.html).toContain('Enter a reference number like PCC-7KQ2-M9XD');
    });

    it('finds a complaint typed in lower case, with spaces and O for 0, by email or by postcode, with dates and what comes next', async () => {
      const email = `status.${Date.now()}@example.org`;
      const { reference } = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ complainant: { name: 'Sian Jones', email, postalAddress: '9 Ffordd y Môr, Aberystwyth SY23 1AA' } }) })).body;
      const typed = ` ${reference.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')} `;
      const browser = new FormBrowser(t.baseUrl);
      const page = await browser.get('/complaints/status');
      const byEmail = await browser.post('/complaints/status', { _csrf: browser.csrfOf(page.html), reference: typed, email: email.toUpperCase() });
      expect(byEmail.status).toBe(200);
      expect(byEmail.html).toContain(reference);
      expect(byEmail.html).toContain('What has happened');
      expect(byEmail.html).toContain('We received your complaint.');
      expect(byEmail.html).toMatch(/We will write to you to acknowledge your complaint by \d{1,2} \w+ \d{4}/);
      expect(byEmail.html).toMatch(/The panel will decide how your complaint will be handled by \d{1,2} \w+ \d{4}/);

      const byPostcode = await browser.post('/complaints/status', { _csrf: browser.csrfOf(page.html), reference, email: 'sy231aa' });
      expect(byPostcode.status).toBe(200);
      const wrong = await browser.post('/complaints/status', { _csrf: browser.csrfOf(page.html), reference, email: 'SY23 1AB' });
      expect(wrong.status).toBe(404);

      const welsh = new FormBrowser(t.baseUrl);
      const cy = await welsh.get('/complaints/status?lang=cy');
      const found = await welsh.post('/complaints/status', { _csrf: welsh.csrfOf(cy.html), reference, email });
      expect(found.html).toContain('<html lang="cy"');
      expect(found.html).toContain('Cawsom eich cwyn.');
      expect(found.html).toMatch(/erbyn \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/);
    });
  });
});
