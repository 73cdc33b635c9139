import type { Browser, BrowserContext } from 'playwright-core';
import { api, login, waitForTriage } from './helpers/http.js';
import { axeViolations, launchChromium } from './helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

describe('in a real browser (Chromium through Playwright)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { email: 'officer@example.org', password: 'officer-password-1', role: 'officer' } });
    browser = await launchChromium();
  });

  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true }); // axe-core is injected as an inline script
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('walks a complainant through the form: errors first, then a reference', async () => {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/complaints/new`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(
      expect.arrayContaining(['Enter the full name of the person complaining', 'Select who your complaint is about', 'Enter what happened']),
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Full name', { exact: true }).fill('Rhiannon Price');
    await page.getByLabel('Email address', { exact: true }).fill('rhiannon.price@example.org');
    await page.getByLabel('The Police and Crime Commissioner', { exact: true }).check();
    await page.getByLabel('Your complaint in one or two sentences').fill('The commissioner was rude to me at the public meeting.');
    await page.getByLabel('What happened').fill('At the meeting on 3 November she called my question stupid and told me to sit down.');
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const reference = (await page.locator('#reference').textContent())?.trim();
    expect(reference).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
  });

  it('walks an officer through sign-in, the queue, a case, an override and an outcome', async () => {
    const submitted = await api(t.baseUrl, 'POST', '/api/complaints', {
      body: {
        complainant: { name: 'Owen Pike', email: 'owen.pike@example.org' },
        subject: { role: 'pcc' },
        summary: 'The commissioner has not replied to my three letters',
        details: 'I wrote three times since June about the closure of our police station and have never had a reply, although a reply was promised.',
      },
    });
    const reference = submitted.body.reference as string;
    await waitForTriage(t.baseUrl, await login(t.baseUrl, ADMIN.email, ADMIN.password), reference);

    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/cases`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email address').fill('officer@example.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('officer-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: reference }).waitFor();
    expect(await page.getByText('remit').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Category', { exact: true }).selectOption('political');
    await page.getByLabel('Why the triage was wrong').fill('It objects to a station closure, a policy decision.');
    await page.getByRole('button', { name: 'Change category' }).click();
    await page.getByText('The category has been changed.').waitFor();

    await page.getByLabel('not recorded').check();
    await page.getByLabel('Notes: the reason, ground, destination or outcome').fill('Disagreement with a policy decision is not a conduct matter.');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByText('The outcome has been recorded.').waitFor();
    expect(await page.locator('#case-summary').textContent()).toContain('Not recorded');
  });
});
