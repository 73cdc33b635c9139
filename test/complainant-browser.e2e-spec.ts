import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eicar, OwnClamd } from './helpers/clamd.js';
import { api, login } from './helpers/http.js';
import { axeViolations, launchChromium } from './helpers/browser.js';
import { samplePdf } from './helpers/pdf.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';


const OFFICER = { email: 'access.officer@example.org', password: 'access-password-12' };
const SHOTS = process.env.SCREENSHOT_DIR; // set it to keep a screenshot of every page checked

/**
 * A complainant's journeys in Chromium, in Welsh and English, with JavaScript on and off: the form with evidence (a
 * clean PDF, the EICAR file, a file over the limit), a complaint by post with no email, the status and footer pages;
 * axe (WCAG 2.2 AA) at 1280 and 390 px on every page passed. Then an officer finds the evidence on the case page.
 */
describe('complainant journeys in a browser', () => {
  let clamd: OwnClamd;
  let t: TestApp;
  let browser: Browser;
  let files: string;
  let pdfPath: string;

  const withoutScript = new WeakSet<BrowserContext>();
  const context = async (javaScriptEnabled: boolean, locale = 'en-GB') => {
    const made = await browser.newContext({ bypassCSP: true, javaScriptEnabled, locale });
    if (!javaScriptEnabled) withoutScript.add(made);
    return made;
  };
  /**
   * axe at 1280 and 390 px. axe runs in the page, so a page rendered with JavaScript off is checked as the same HTML
   * served at the same origin to a JavaScript context (styles and assets load as they did; its scripts are left out).
   */
  const expectAccessible = async (page: Page, name: string) => {
    let target = page;
    let scratch: BrowserContext | undefined;
    if (withoutScript.has(page.context())) {
      const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
      scratch = await context(true);
      target = await scratch.newPage();
      await target.route(`${t.baseUrl}/__as-rendered`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await target.goto(`${t.baseUrl}/__as-rendered`);
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await target.setViewportSize({ width, height: 900 });
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      expect({ name, width, violations: await axeViolations(target) }).toEqual({ name, width, violations: [] });
    }
    await scratch?.close();
  };
  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    clamd = await OwnClamd.start();
    t = await startTestApp({ CLAMAV_URL: clamd.url });
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...OFFICER, role: 'officer' } });
    browser = await launchChromium();
    files = mkdtempSync(join(tmpdir(), 'pcc-upload-'));
    pdfPath = join(files, 'minutes.pdf');
    writeFileSync(pdfPath, await samplePdf());
    writeFileSync(join(files, 'eicar.com'), eicar());
    writeFileSync(join(files, 'recording.mp4'), Buffer.alloc(10 * 1024 * 1024 + 1, 1));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await clamd?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('in Welsh with JavaScript on: the whole form, errors, a clean PDF, the confirmation; and an officer sees the file and its hash', async () => {
    const ctx = await context(true, 'cy-GB');
    const page = await ctx.newPage();
    await page.goto(`${t.baseUrl}/complaints/new?lang=cy`);
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await expectAccessible(page, 'form-cy-js');
    await page.getByRole('button', { name: 'Anfon cwyn' }).click();
    await page.getByText('Mae problem wedi codi').waitFor();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(
      expect.arrayContaining(['Rhowch enw llawn y person sy’n cwyno', 'Dewiswch am bwy mae eich cwyn', 'Rhowch beth ddigwyddodd']),
    );
    await expectAccessible(page, 'form-errors-cy-js');

    await page.getByLabel('Nac ydw, fy nghwyn i yw hi').check();
    await page.getByLabel('Enw llawn', { exact: true }).fill('Eleri Morgan');
    await page.getByLabel('Cyfeiriad e-bost', { exact: true }).fill('eleri.morgan@example.org');
    await page.getByLabel('Y Comisiynydd Heddlu a Throseddu', { exact: true }).check();
    await page.getByLabel('Eich cwyn mewn brawddeg neu ddwy').fill('Camarweiniodd y comisiynydd y panel.');
    await page.getByLabel('Beth ddigwyddodd').fill('Mae’r cofnodion rwy’n eu hatodi yn dangos beth ddywedodd hi ar 3 Tachwedd.');
    await page.getByLabel('Dogfennau, lluniau neu recordiadau (dewisol)').setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Anfon cwyn' }).click();
    const reference = (await page.locator('#reference').textContent())!.trim();
    expect(reference).toMatch(/^PCC-/);
    expect(await page.locator('#evidence-received').textContent()).toContain('minutes.pdf: wedi’i gwirio am feirysau');
    await expectAccessible(page, 'confirmation-cy-js');
    await ctx.close();

    const staff = await (await context(true)).newPage();
    await staff.goto(`${t.baseUrl}/cases/${reference}`);
    await staff.getByLabel('Email address').fill(OFFICER.email);
    await staff.getByRole('textbox', { name: 'Password' }).fill(OFFICER.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByRole('heading', { name: 'Evidence sent by the complainant' }).waitFor();
    const [{ sha256 }] = await t.db.query(`SELECT sha256 FROM evidence_files e JOIN complaints c ON c.id = e.complaint_id WHERE c.reference = $1`, [reference]);
    expect(await staff.locator('#evidence + table').textContent()).toContain(sha256);
    expect(await staff.getByRole('link', { name: 'minutes.pdf' }).count()).toBe(1);
    expect(await staff.getByText('Welsh (letters and emails in Welsh)').count()).toBe(1);
    await expectAccessible(staff, 'case-evidence');
    await staff.context().close();
  });

  it('in English with JavaScript off: the EICAR file is refused by name and a file over 10 MB names the limit, nothing stored', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(`${t.baseUrl}/complaints/new`);
    await expectAccessible(page, 'form-en-nojs');
    const before = await count('complaints');
    const filesBefore = await count('evidence_files');
    await page.getByLabel('No, it is my own complaint').check();
    await page.getByLabel('Full name', { exact: true }).fill('Owen Pike');
    await page.getByLabel('Email address', { exact: true }).fill('owen.pike@example.org');
    await page.getByLabel('The Police and Crime Commissioner', { exact: true }).check();
    await page.getByLabel('Your complaint in one or two sentences').fill('The commissioner ignored my letters.');
    await page.getByLabel('What happened').fill('I wrote three times and had no reply.');
    await page.getByLabel('Documents, photos or recordings (optional)').setInputFiles([pdfPath, join(files, 'eicar.com')]);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByText('eicar.com contains a virus, so we have not accepted it').first().waitFor();
    expect(await page.getByLabel('Full name', { exact: true }).inputValue()).toBe('Owen Pike');
    await expectAccessible(page, 'form-virus-en-nojs');

    await page.getByLabel('Documents, photos or recordings (optional)').setInputFiles(join(files, 'recording.mp4'));
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByText('recording.mp4 is larger than 10 MB. Each file must be 10 MB or smaller').first().waitFor();
    expect(await count('complaints')).toBe(before);
    expect(await count('evidence_files')).toBe(filesBefore);
    await ctx.close();
  });

  it('by post with no email, JavaScript off, in Welsh: accepted, and its letters are marked for post', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(`${t.baseUrl}/complaints/new?lang=cy`);
    await page.getByLabel('Ydw, rwy’n cwyno ar ran rhywun arall').check();
    await page.getByLabel('Eich enw llawn').fill('Gareth Evans');
    await page.getByLabel('Eich perthynas â nhw').fill('mab');
    await page.getByLabel('Maen nhw’n cytuno i mi wneud y gŵyn hon ar eu rhan').check();
    await page.getByLabel('Enw llawn', { exact: true }).fill('Idris Evans');
    await page.getByLabel('Cyfeiriad post (dewisol)', { exact: true }).fill('1 Stryd Fawr\nLlandeilo SA19 6AA');
    await page.getByLabel('Drwy’r post').check();
    await page.getByLabel('Oes angen unrhyw addasiadau neu gymorth arnoch? (dewisol)').fill('Llythyrau mewn print bras, os gwelwch yn dda.');
    await page.getByLabel('Y Comisiynydd Heddlu a Throseddu', { exact: true }).check();
    await page.getByLabel('Eich cwyn mewn brawddeg neu ddwy').fill('Ni atebodd y comisiynydd lythyrau fy nhad.');
    await page.getByLabel('Beth ddigwyddodd').fill('Ysgrifennodd fy nhad ddwywaith ac ni chafodd ateb.');
    await page.getByRole('button', { name: 'Anfon cwyn' }).click();
    const reference = (await page.locator('#reference').textContent())!.trim();
    expect(await page.getByText('Byddwn yn ysgrifennu atoch drwy’r post').count()).toBe(1);
    await expectAccessible(page, 'confirmation-post-cy-nojs');

    const officer = await login(t.baseUrl, OFFICER.email, OFFICER.password);
    const found = (await api(t.baseUrl, 'GET', `/api/cases/${reference}`, { token: officer })).body;
    expect(found).toMatchObject({ language: 'cy', contactPreference: 'post', complainant: { email: null }, representative: { name: 'Gareth Evans', consent: true } });
    let letters: Array<{ delivery: string | null; language: string }> = [];
    for (const until = Date.now() + 15_000; Date.now() < until && !letters.length; await new Promise((r) => setTimeout(r, 100))) {
      letters = (await api(t.baseUrl, 'GET', `/api/cases/${reference}/letters`, { token: officer })).body;
    }
    expect(letters).toEqual([expect.objectContaining({ delivery: 'post', language: 'cy' })]);
    await ctx.close();
  });

  it.each([
    ['en', '/complaints/status'],
    ['cy', '/complaints/status'],
    ['en', '/privacy'],
    ['cy', '/accessibility'],
    ['cy', '/contact'],
    ['en', '/feedback'],
  ])('the %s page %s passes axe', async (language, path) => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await page.goto(`${t.baseUrl}${path}?lang=${language}`);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    if (path === '/complaints/status') {
      await page.getByRole('button', { name: language === 'cy' ? 'Gwirio cynnydd' : 'Check progress' }).click();
      await page.locator('.govuk-error-summary').waitFor();
    }
    await expectAccessible(page, `${path.slice(1).replace('/', '-')}-${language}`);
    await ctx.close();
  });
});
