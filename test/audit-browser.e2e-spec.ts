import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, complaintBody, login } from './helpers/http.js';
import { expectAccessibleAtBothWidths, launchChromium } from './helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const AUDITOR = { email: 'audit.walk@example.org', password: 'audit-walk-password-1' };
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * The auditors' export form as an auditor uses it, in Chromium: every mistake comes back as this page with a GOV.UK
 * error summary and the answers kept (never JSON, never a bare 400 page); a good form downloads the file, and the
 * recent exports name the auditor by email.
 */
describe('the audit page’s export form in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reference: string;

  const expectAccessible = (name: string) => expectAccessibleAtBothWidths(page, name);
  const fillDate = async (name: 'from' | 'to', day: string, month: string, year: string) => {
    await page.locator(`#${name}-day`).fill(day);
    await page.locator(`#${name}-month`).fill(month);
    await page.locator(`#${name}-year`).fill(year);
  };
  const download = () => page.getByRole('button', { name: 'Download export' }).click();
  const summary = async () => page.locator('.govuk-error-summary a').allTextContents();

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp();
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...AUDITOR, role: 'auditor' } });
    reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody() })).body.reference;
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, acceptDownloads: true }); // axe-core is injected as an inline script
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/audit`);
    await page.getByLabel('Email address').fill(AUDITOR.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(AUDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/audit$/);
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('answers a date that does not exist, a reversed range and a bad reference with an error summary, keeping the answers', async () => {
    await fillDate('from', '31', '2', '2026');
    await page.getByLabel('Case reference').fill('not a reference');
    await download();
    await page.getByText('There is a problem').waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await summary()).toEqual(['The start date must be a real date, like 1 11 2026', 'Enter a case reference like PCC-7KQ2-M9XD, or leave it empty']);
    expect(await page.locator('#from-day').inputValue()).toBe('31');
    expect(await page.locator('#from-month').inputValue()).toBe('2');
    expect(await page.getByLabel('Case reference').inputValue()).toBe('not a reference');
    await expectAccessible('audit-export-errors');
    // the summary's link takes the auditor to the field
    await page.getByRole('link', { name: 'The start date must be a real date, like 1 11 2026' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('from-day');

    await fillDate('from', '10', '11', '2026');
    await fillDate('to', '1', '11', '2026');
    await page.getByLabel('Case reference').fill('');
    await page.getByLabel('JSON Lines (for checking by program)').check();
    await download();
    await page.getByText('There is a problem').waitFor();
    expect(await summary()).toEqual(['The end date must be the same as or after the start date']);
    expect(await page.getByLabel('JSON Lines (for checking by program)').isChecked()).toBe(true);
    expect(await page.locator('#to-day').inputValue()).toBe('1');
  });

  it('says when the filters match no event instead of sending an empty file', async () => {
    await fillDate('from', '1', '1', '2001');
    await fillDate('to', '2', '1', '2001');
    await download();
    await page.getByText('There is a problem').waitFor();
    expect(await summary()).toEqual(['The case log has no events from 1 January 2001 to 2 January 2001. Change the filters, or leave them empty to export the whole log']);
    await expectAccessible('audit-export-empty');

    await fillDate('from', '', '', '');
    await fillDate('to', '', '', '');
    await page.getByLabel('Event type').fill('letter.nothing_like_this');
    await download();
    await page.getByText('There is a problem').waitFor();
    expect(await summary()).toEqual(['The case log has no events of type letter.nothing_like_this. Change the filters, or leave them empty to export the whole log']);
    expect(await page.getByLabel('Event type').inputValue()).toBe('letter.nothing_like_this');
  });

  it('downloads the export the form describes, and lists it under the auditor’s email', async () => {
    await page.getByLabel('Case reference').fill(reference.toLowerCase());
    const [file] = await Promise.all([page.waitForEvent('download'), download()]);
    expect(file.suggestedFilename()).toMatch(/^case-log-\d{4}-\d{2}-\d{2}-to-\d+\.csv$/);
    const lines = readFileSync((await file.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sequence,occurredAt,reference,actor,type,details,prevHash,hash');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(`"${reference}"`))).toBe(true);

    for (let i = 0; i < 50; i++) {
      await page.goto(`${t.baseUrl}/audit`);
      if (await page.locator('#recent-exports + .app-scroll').count()) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const who = await page.locator('#recent-exports + .app-scroll tbody tr td:nth-child(2)').allTextContents();
    expect(who.map((w) => w.trim())).toContain(AUDITOR.email);
    expect(who.join(' ')).not.toMatch(/user:/);
    await expectAccessible('audit-recent-exports');
  });

  it('answers a form with no format, or one a program made up, as a page, never as JSON', async () => {
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const query of ['from-day=1&from-month=11&from-year=2026', 'format=xml', 'format=csv&to-day=40&to-month=1&to-year=2026']) {
      const response = await fetch(`${t.baseUrl}/audit/export?${query}`, { headers: { cookie: cookies, accept: 'text/html' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('govuk-error-summary');
      if (query.startsWith('from')) expect(html).toContain('Select a format for the file');
    }
  });
});
