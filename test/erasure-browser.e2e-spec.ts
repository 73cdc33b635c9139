import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { expectAccessibleAtBothWidths, launchChromium } from './helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const OFFICER = { email: 'erasure.walk.officer@example.org', password: 'walk-password-12' };
const SHOTS = process.env.SCREENSHOT_DIR; // set it to keep a screenshot of every page checked
const PERSON = { name: 'Gwenllian Pritchard-Owens', email: 'gwenllian.pritchard@example.org' };

/**
 * Legal holds, erasure, retention and subject access as an admin uses them: in Chromium, through the links and forms,
 * with axe (WCAG 2.2 AA) at 1280 and 390 px on every page; and an officer kept out.
 */
describe('personal data pages in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let first: string; // erased in the walk
  let second: string; // the same complainant's other case, held throughout
  let expired: string; // withdrawn 20 months ago: due once the commissioner's term end is recorded

  const expectAccessible = (name: string) => expectAccessibleAtBothWidths(page, name);
  const signIn = async (who: { email: string; password: string }) => {
    await page.goto(`${t.baseUrl}/cases`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  const openCase = async (reference: string) => {
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByLabel('Search').fill(reference);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: reference, level: 1 }).waitFor();
  };
  const errorSummary = () => page.locator('.govuk-error-summary a').allTextContents();

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp({ RETENTION_MONTHS_AFTER_CLOSURE: '12', RETENTION_MONTHS_AFTER_TERM_END: '12', RETENTION_INTERVAL_HOURS: '24' });
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...OFFICER, role: 'officer' } });
    const officer = await login(t.baseUrl, OFFICER.email, OFFICER.password);
    const submit = async (body: Record<string, unknown>) => {
      const sent = await api(t.baseUrl, 'POST', '/api/complaints', { body });
      expect(sent.status).toBe(201);
      await waitForTriage(t.baseUrl, officer, sent.body.reference);
      return sent.body.reference as string;
    };
    first = await submit({ complainant: PERSON, subject: { role: 'pcc' }, summary: 'The commissioner ignored my letters about the Llanfair bypass', details: 'I wrote four times about the Llanfair bypass and the commissioner never answered.' });
    second = await submit({ complainant: { name: PERSON.name, email: PERSON.email.toUpperCase() }, subject: { role: 'pcc' }, summary: 'Still no answer about the bypass', details: 'I wrote again and there is still no answer from the commissioner.' });
    expired = await submit(complaintBody());
    expect((await api(t.baseUrl, 'POST', `/api/cases/${expired}/outcome`, { token: officer, body: { kind: 'withdrawn', notes: 'Withdrawn in writing' } })).status).toBe(200);
    // received 30 months ago, withdrawn 20 months ago: kept only until the commissioner's term end is recorded
    await t.db.query(`UPDATE complaints SET received_at = now() - interval '30 months' WHERE reference = $1`, [expired]);
    await t.db.query(`UPDATE case_actions a SET recorded_at = now() - interval '20 months' FROM complaints c WHERE c.id = a.complaint_id AND c.reference = $1`, [expired]);
    expect((await api(t.baseUrl, 'POST', `/api/cases/${second}/legal-hold`, { token: admin, body: { held: true, reason: 'Pending litigation about the bypass' } })).status).toBe(200);
    browser = await launchChromium();
  }, 120_000);

  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, acceptDownloads: true }); // axe-core is injected as an inline script
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('places a legal hold, is refused the erasure, lifts the hold, and erases the case through the form and its confirmation', async () => {
    await signIn(ADMIN);
    await openCase(first);
    await page.getByRole('link', { name: 'Legal hold' }).click();
    await page.getByRole('heading', { name: `Case ${first}` }).waitFor();
    await page.getByRole('button', { name: 'Place a legal hold' }).click();
    expect(await errorSummary()).toEqual(['Enter why the case must be kept']);
    await expectAccessible('legal-hold-error');
    await page.getByLabel('Why must the case be kept?').fill('A claim about the bypass letters may be brought');
    await page.getByRole('button', { name: 'Place a legal hold' }).click();
    await page.getByText('The legal hold has been placed.').waitFor();
    expect(await page.locator('#hold').textContent()).toContain('A claim about the bypass letters may be brought');
    expect(await page.locator('#holds').textContent()).toContain(second); // the list of every hold
    await expectAccessible('legal-hold-placed');

    // the case page says so; the erasure page refuses, linking to the hold
    await page.getByRole('link', { name: 'Back to the case' }).click();
    expect(await page.locator('#legal-hold').textContent()).toContain('under a legal hold');
    await page.getByRole('link', { name: 'Erase the complainant’s personal data' }).click();
    await page.getByRole('heading', { name: 'Erase the complainant’s personal data' }).waitFor();
    expect(await page.locator('#held').textContent()).toContain('This case is under a legal hold, so its personal data cannot be erased');
    expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    await expectAccessible('erasure-held');
    await page.locator('#held').getByRole('link', { name: first }).click();
    await page.getByLabel('Why are you lifting the hold?').fill('The claim was not brought');
    await page.getByRole('button', { name: 'Lift the legal hold' }).click();
    await page.getByText('The legal hold has been lifted.').waitFor();
    expect(await page.getByRole('button', { name: 'Place a legal hold' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Back to the case' }).click();
    expect(await page.locator('#legal-hold').count()).toBe(0);
    await page.getByRole('link', { name: 'Erase the complainant’s personal data' }).click();
    // what goes and what stays, from the erasure module; the other case is held, so "every case" would be refused
    expect(await page.locator('#effect').textContent()).toContain('The complainant’s name, email address, phone number, postal address and adjustments');
    expect(await page.locator('#complainant-cases').textContent()).toContain(second);
    expect(await page.locator('#held').textContent()).toContain(`${second} is under a legal hold`);
    await expectAccessible('erasure-form');
    await page.getByRole('radio', { name: /Every case of this complainant/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await errorSummary()).toEqual(['Enter a reason for the erasure']);
    expect(await page.locator('#reason-error').textContent()).toContain('Enter a reason for the erasure');
    await expectAccessible('erasure-form-error');
    await page.getByLabel('Why are you erasing it?').fill('Asked for in writing under Article 17');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('That cannot be done').waitFor();
    expect(await errorSummary()).toEqual([`${second} is under a legal hold, so nothing can be erased. Lift the hold first`]);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe(`/admin/legal-holds?reference=${second}`);
    expect(await page.getByLabel('Why are you erasing it?').inputValue()).toBe('Asked for in writing under Article 17');
    await expectAccessible('erasure-refused');

    await page.getByLabel(`This case only (${first})`).check();
    await page.getByLabel('Why are you erasing it?').fill('Gwenllian asked for it by letter');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await errorSummary()).toEqual(['The reason must not contain the complainant’s name or contact details: say why, not who']);
    await page.getByLabel('Why are you erasing it?').fill('Asked for in writing under Article 17');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: `Are you sure you want to erase the personal data of case ${first}?` }).waitFor();
    const summary = await page.locator('#erasure-summary').textContent();
    for (const shown of [PERSON.name, 'This case only', first, 'Asked for in writing under Article 17']) expect(summary).toContain(shown);
    expect(summary).not.toContain(second);
    await expectAccessible('erasure-confirm');
    await page.getByRole('button', { name: 'Yes, erase the personal data' }).click();
    await page.getByRole('heading', { name: 'Personal data erased' }).waitFor();
    expect(await page.locator('.govuk-panel').textContent()).toContain(`Case ${first}`);
    expect(await page.locator('main').textContent()).toContain(ADMIN.email);
    await expectAccessible('erasure-done');

    await page.getByRole('link', { name: `Go to case ${first}` }).click();
    expect(await page.locator('#erased').textContent()).toContain('have been erased');
    expect(await page.locator('main').textContent()).not.toContain(PERSON.name);
    expect(await page.getByRole('link', { name: 'Erase the complainant’s personal data' }).count()).toBe(0);
    const history = await page.locator('main').textContent();
    for (const event of ['Legal hold placed', 'Legal hold lifted', 'Personal data erased']) expect(history).toContain(event);
    await expectAccessible('case-erased');

    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Erasures' }).click();
    expect(await page.locator('#erasures').textContent()).toContain(first);
    await expectAccessible('erasures');

    // the other case is untouched, and still held
    const other = (await api(t.baseUrl, 'GET', `/api/cases/${second}`, { token: await login(t.baseUrl, ADMIN.email, ADMIN.password) })).body;
    expect(other.complainant.name).toBe(PERSON.name);
  });

  it('records an office holder’s term end with a strict date, and previews what the next run will erase', async () => {
    await signIn(ADMIN);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Retention' }).click();
    expect(await page.locator('#retention-schedule').textContent()).toContain('12 months after the case is closed or withdrawn');
    expect(await page.locator('#retention-counts').textContent()).toMatch(/Kept until a term end is recorded\s*1 closed case/);
    expect(await page.locator('#due').count()).toBe(0);
    await expectAccessible('retention');

    await page.getByLabel('Their name (optional)').fill('Alex Example');
    await page.getByLabel('Police and Crime Commissioner', { exact: true }).check();
    await page.locator('#endedOn-day').fill('31');
    await page.locator('#endedOn-month').fill('2');
    await page.locator('#endedOn-year').fill('2025');
    await page.getByRole('button', { name: 'Record the term end' }).click();
    expect(await errorSummary()).toEqual(['The day they leave office must be a real date, like 8 5 2028']);
    expect(await page.locator('#endedOn-day').inputValue()).toBe('31'); // what was typed is kept
    await expectAccessible('retention-error');

    // the commissioner left office 15 months ago: the case withdrawn 20 months ago is due now
    const [{ day, month, year }] = (await t.db.query(`SELECT extract(day FROM d)::int AS day, extract(month FROM d)::int AS month, extract(year FROM d)::int AS year FROM (SELECT (now() - interval '15 months')::date AS d) x`)) as Array<{ day: number; month: number; year: number }>;
    await page.locator('#endedOn-day').fill(String(day));
    await page.locator('#endedOn-month').fill(String(month));
    await page.locator('#endedOn-year').fill(String(year));
    await page.getByRole('button', { name: 'Record the term end' }).click();
    await page.getByText('The term end has been recorded.').waitFor();
    expect(await page.locator('#terms').textContent()).toContain('Alex Example');
    expect(await page.locator('#retention-counts').textContent()).toMatch(/Will be erased\s*1 case/);
    expect(await page.locator('#due').textContent()).toContain(expired);
    await expectAccessible('retention-preview');

    // the same day again is refused on the date, in words
    await page.getByLabel('Police and Crime Commissioner', { exact: true }).check();
    await page.locator('#endedOn-day').fill(String(day));
    await page.locator('#endedOn-month').fill(String(month));
    await page.locator('#endedOn-year').fill(String(year));
    await page.getByRole('button', { name: 'Record the term end' }).click();
    expect(await errorSummary()).toEqual(['That day is already recorded as the end of a term for this office']);
  });

  it('opens subject access from the case page and downloads the bundle', async () => {
    await signIn(ADMIN);
    await openCase(second);
    await page.getByRole('link', { name: /Subject access/ }).click();
    await page.getByRole('heading', { name: `Everything held about the complainant of ${second}` }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Still no answer about the bypass');
    await expectAccessible('subject-access');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the bundle/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK');
    await page.getByRole('link', { name: 'Back to the case' }).click();
    await page.getByRole('heading', { name: second, level: 1 }).waitFor();
  });

  it('shows the legal holds list on its own, and finds a case by a typed reference', async () => {
    await signIn(ADMIN);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Legal holds' }).click();
    expect(await page.locator('#holds').textContent()).toContain(second);
    await expectAccessible('legal-holds');
    await page.getByLabel('Place or lift a hold on a case').fill('not a reference');
    await page.getByRole('button', { name: 'Find the case' }).click();
    expect(await errorSummary()).toEqual(['Enter a case reference in the correct format, like PCC-2026-0001']);
    await page.getByLabel('Place or lift a hold on a case').fill(second.toLowerCase());
    await page.getByRole('button', { name: 'Find the case' }).click();
    expect(await page.locator('#hold').textContent()).toContain('Pending litigation about the bypass');
  });

  it('gives an officer no erasure or hold links, and a 403 page on the admin pages', async () => {
    await signIn(OFFICER);
    await openCase(second);
    const token = (await page.locator('input[name="_csrf"]').first().getAttribute('value'))!;
    expect(await page.getByRole('link', { name: /Subject access/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Erase the complainant’s personal data' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Legal hold' }).count()).toBe(0);
    for (const path of [`/admin/erasure?reference=${second}`, `/admin/legal-holds?reference=${second}`, '/admin/retention', '/admin/erasures', `/admin/erasure/done?reference=${first}`]) {
      const response = await page.goto(`${t.baseUrl}${path}`);
      expect({ path, status: response!.status(), type: response!.headers()['content-type'] }).toEqual({ path, status: 403, type: expect.stringContaining('text/html') });
      expect(await page.locator('h1').textContent()).toBe('You cannot do this');
    }
    await expectAccessible('forbidden');
    // the form posted anyway, with the officer's own valid token, is refused by role and erases nothing
    for (const [path, form] of [['/admin/erasure/confirmation', { reference: first, scope: 'case', reason: 'Asked for in writing' }], ['/admin/legal-holds', { reference: second, action: 'lift', liftReason: 'x' }]] as const) {
      const posted = await page.request.post(`${t.baseUrl}${path}`, { form: { _csrf: token, ...form }, headers: { accept: 'text/html' }, maxRedirects: 0 });
      expect({ path, status: posted.status() }).toEqual({ path, status: 403 });
    }
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    expect((await api(t.baseUrl, 'GET', '/api/legal-holds', { token: admin })).body.map((h: { reference: string }) => h.reference)).toEqual([second]);
  });
});
