import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, login, waitForTriage } from './helpers/http.js';
import { expectAccessibleAtBothWidths, launchChromium } from './helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const OFFICER = { email: 'walk.officer@example.org', password: 'walk-password-12' };
const SHOTS = process.env.SCREENSHOT_DIR; // set it to keep a screenshot of every page checked

/**
 * The staff workspace as people use it: every journey through the forms, clicking as a person does, in Chromium, with
 * axe (WCAG 2.2 AA) at 1280 and 390 px on every page it passes.
 */
describe('the staff workspace in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const expectAccessible = (name: string) => expectAccessibleAtBothWidths(page, name);
  const signIn = async (who: { email: string; password: string }, at = '/cases') => {
    await page.goto(`${t.baseUrl}${at}`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp();
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...OFFICER, role: 'officer' } });
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, acceptDownloads: true }); // axe-core is injected as an inline script
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('keys in a postal complaint, finds it from the queue form, notes a call, and previews, edits and posts its letter', async () => {
    await signIn(OFFICER);
    await page.getByRole('link', { name: 'Add a complaint' }).click();
    await page.getByRole('button', { name: 'Add the complaint' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(expect.arrayContaining(['Select how the complaint arrived', 'Enter the date the complaint was received', 'Select who the complaint is about']));
    await expectAccessible('keyed-errors');

    await page.getByLabel('By post (a letter)').check();
    await page.locator('#receivedAt-day').fill('5');
    await page.locator('#receivedAt-month').fill('1');
    await page.locator('#receivedAt-year').fill('2026');
    await page.getByLabel('Full name').fill('Bethan Morgan');
    await page.getByLabel('Email address').fill('bethan.morgan@example.org');
    await page.getByLabel('Postal address (optional)').fill('9 Ffordd y Môr\nAberaeron\nSA46 0AA');
    await page.getByLabel('The Police and Crime Commissioner', { exact: true }).check();
    await page.getByLabel('The complaint in one or two sentences').fill('The commissioner shouted at me at the harbour open day.');
    await page.getByLabel('What happened, as the complainant told it').fill('At the open day on 2 January the commissioner shouted at me in front of my grandchildren.');
    await page.getByRole('button', { name: 'Add the complaint' }).click();
    await page.getByText('The complaint has been added').waitFor();
    const reference = (await page.locator('h1').textContent())!.trim();
    expect(await page.locator('#case-summary').textContent()).toContain('5 January 2026 at 00:00 by letter');
    await waitForTriage(t.baseUrl, await login(t.baseUrl, OFFICER.email, OFFICER.password), reference);

    // the queue's form, every field left blank but the search, the reference typed as people type it
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByLabel('Search').fill(reference.replace(/-/g, '').toLowerCase());
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('#result-count').textContent()).toContain('1 case found');
    await expectAccessible('queue-search');
    await page.getByLabel('Search').fill('Bethan');
    await page.getByLabel('Sort by').selectOption('-received');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/sort=-received/);
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: reference }).waitFor();
    await page.reload(); // the triage has landed
    await expectAccessible('case');

    await page.getByLabel('Add a note').fill('Rang to say she has photographs of the open day.');
    await page.getByLabel('This records a contact with the complainant').check();
    await page.getByLabel('Phone call').check();
    await page.getByLabel('From the complainant').check();
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByText('The contact has been logged.').waitFor();
    expect(await page.locator('#notes-log').textContent()).toContain('Rang to say she has photographs');

    // the acknowledgement was made on receipt; without SMTP here it waits as a draft to be posted
    await page.locator('#letters').getByRole('link', { name: 'Acknowledgement' }).click();
    await page.getByRole('heading', { name: 'Acknowledgement letter' }).waitFor();
    const letter = page.getByLabel('Letter', { exact: true });
    expect(await letter.inputValue()).toContain('Dear Bethan Morgan');
    await letter.fill((await letter.inputValue()).replace('Yours sincerely', 'We are sorry to hear about the open day.\n\nYours sincerely'));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes to the letter have been saved.').waitFor();
    await expectAccessible('letter-draft');
    await letter.fill(`${await letter.inputValue()}\nRang to say she has photographs of the open day.`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('words from an internal note').first().waitFor();
    await page.goto(page.url().split('?')[0]);
    await page.getByLabel(/By post/).check();
    await page.getByRole('button', { name: 'Send the letter' }).click();
    await page.getByText('recorded as sent by post').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the letter as a PDF/ }).click()]);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible('letter-sent');
    expect(await page.locator('.app-letter').textContent()).toContain('We are sorry to hear about the open day.');
  });

  it('lets an admin disable an officer, whose open session ends at once', async () => {
    const officerContext = await browser.newContext();
    const officerPage = await officerContext.newPage();
    await officerPage.goto(`${t.baseUrl}/login`);
    await officerPage.getByLabel('Email address').fill(OFFICER.email);
    await officerPage.getByRole('textbox', { name: 'Password' }).fill(OFFICER.password);
    await officerPage.getByRole('button', { name: 'Sign in' }).click();
    await officerPage.waitForURL(/\/cases$/);

    await signIn(ADMIN);
    await page.getByRole('link', { name: 'Admin' }).click();
    await expectAccessible('admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await expectAccessible('admin-users');
    await page.getByRole('link', { name: OFFICER.email }).click();
    await page.getByLabel('Disabled: cannot sign in').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Any sessions they had are ended').waitFor();
    await expectAccessible('admin-user');

    await officerPage.getByRole('link', { name: 'My work' }).click();
    await officerPage.waitForURL(/\/login/);
    await officerContext.close();

    await page.getByLabel('Enabled', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Any sessions they had are ended').waitFor();
    await page.goto(`${t.baseUrl}/admin/dead-letters`);
    await expectAccessible('admin-failed-jobs');
  });

  it('signs out from every staff page', async () => {
    const reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: { complainant: { name: 'Sign Out', email: 'sign.out@example.org' }, subject: { role: 'pcc' }, summary: 'A complaint', details: 'The commissioner was rude to me.' } })).body.reference;
    const pages = ['/cases', '/my-work', '/cases/new', `/cases/${reference}`, `/cases/${reference}/complainant`, `/cases/${reference}/letters/new`, '/stats', '/audit', '/admin', '/admin/users', '/admin/dead-letters'];
    for (const path of pages) {
      await signIn(ADMIN, path);
      expect(new URL(page.url()).pathname).toBe(path);
      if (['/my-work', '/cases/new', `/cases/${reference}/letters/new`].includes(path)) await expectAccessible(path.replace(/\W+/g, '-').replace(/^-/, '').replace(reference.toLowerCase(), 'case'));
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${t.baseUrl}${path}`);
      await page.waitForURL(/\/login/);
    }
  });
});
