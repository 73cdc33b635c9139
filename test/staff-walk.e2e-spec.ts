import type { Browser, Page } from 'playwright-core';
import { api, complaintBody, login, waitForTriage } from './helpers/http.js';
import { launchChromium } from './helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

const OFFICER = { email: 'walking.officer@example.org', password: 'walking-password-1' };
/** Pages another piece of work owns (erasure, legal holds, retention, subject access): walked there, not here. */
const ELSEWHERE = /\/(erasure|erasures|legal-holds?|retention|subject-access)(\/|$|\?)/;
/** What a class-validator or Nest message looks like: never for a person to read. */
/**
 * Public pages the footer and phase banner link to: checked to exist, not walked as staff pages. The public complaint
 * form is not among them: a staff page linking there (the header's service name did) is reported for lacking sign-out.
 */
const PUBLIC = /^\/(privacy|accessibility|contact|feedback|complain|status|cookies|language)(\/|$|\?)|^\/(\?|$)/;
const SHOTS = process.env.SCREENSHOT_DIR; // set it to keep a screenshot of every page walked
const DEVELOPER_TEXT = /must be one of|should not be empty|must be longer than|must be shorter than|must be a (boolean|string|number|UUID|valid)|must be an? (email|UUID|integer|array|object)|"statusCode"|"message":\s*\[|Bad Request|Internal Server Error|user:[0-9a-f]{8}-/;

interface Problem {
  who: string;
  where: string;
  what: string;
}

/**
 * Every staff page, walked once in Chromium as an officer and as an admin: from the queue, every link the pages offer
 * is followed (downloads fetched), every form is sent as it stands, untouched, and the sign-out button is pressed on
 * every page. No page may answer 404 or 500, show JSON or a validator's words, lack the sign-out button or stay open
 * after it; each download must arrive.
 */
describe('walking every staff page', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await login(t.baseUrl, ADMIN.email, ADMIN.password);
    await api(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...OFFICER, role: 'officer' } });
    for (const summary of ['The commissioner ignored my letters about the ferry', 'The commissioner shouted at a parish meeting']) {
      const reference = (await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ summary }) })).body.reference;
      await waitForTriage(t.baseUrl, admin, reference);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  const signIn = async (page: Page, who: { email: string; password: string }) => {
    await page.goto(`${t.baseUrl}/login`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };

  /** The page as it stands: its problems, its links (same site), and how many forms it has besides sign-out. */
  const inspect = async (page: Page, who: string, where: string, status: number, problems: Problem[]) => {
    const type = (await page.evaluate(() => (globalThis as unknown as { document: { contentType: string } }).document.contentType)) ?? '';
    if (!type.includes('html')) return problems.push({ who, where, what: `answered ${type}, not a page` });
    if (status === 404 || status >= 500) problems.push({ who, where, what: `answered ${status}` });
    const text = await page.locator('body').innerText();
    const developer = DEVELOPER_TEXT.exec(text);
    if (developer) problems.push({ who, where, what: `shows developer text: “${text.slice(Math.max(0, developer.index - 60), developer.index + 80).replace(/\s+/g, ' ')}”` });
    if (!(await page.getByRole('button', { name: 'Sign out' }).count())) problems.push({ who, where, what: 'has no sign-out button' });
  };

  const links = (page: Page) =>
    page.evaluate(() =>
      [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ href: string }> } }).document.querySelectorAll('a[href]')].map((a) => a.href),
    );

  it.each([
    ['an officer', OFFICER],
    ['an admin', ADMIN],
  ])('as %s: every link goes somewhere, every form answers in words, sign-out on every page', async (who, credentials) => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, credentials);
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const queue = ['/cases'];
    const formsOf = new Map<string, number>();
    const pages: string[] = [];
    let analysedSteps = 0;
    while (queue.length && seen.size < 60) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const probe = await page.request.get(`${t.baseUrl}${path}`, { maxRedirects: 0 });
      if (PUBLIC.test(path)) {
        // the public pages the footer and the phase banner link to: they must be there (they have no sign-out)
        if (probe.status() !== 200) problems.push({ who, where: path, what: `public page answered ${probe.status()}` });
        continue;
      }
      if (!(probe.headers()['content-type'] ?? '').includes('text/html')) {
        // a download (a PDF, a CSV, a checkpoint): it must arrive, as a file
        if (probe.status() !== 200) problems.push({ who, where: path, what: `download answered ${probe.status()} ${probe.headers()['content-type']}` });
        continue;
      }
      const response = await page.goto(`${t.baseUrl}${path}`);
      if (new URL(page.url()).pathname === '/login') {
        problems.push({ who, where: path, what: 'sent the user to sign in' });
        await signIn(page, credentials);
        continue;
      }
      await inspect(page, who, path, response?.status() ?? 0, problems);
      pages.push(path);
      // the triage's analysis step names the language it read, in words (it showed the code "en")
      const analysed = page.locator('table:has(caption:text("Each step")) tr:has(td:text-is("analyse")) td').nth(1);
      if (await analysed.count()) analysedSteps++;
      if ((await analysed.count()) && (await analysed.innerText()).trim() !== 'English') problems.push({ who, where: path, what: `the analysis step says “${await analysed.innerText()}”` });
      formsOf.set(path, await page.locator('main form').count());
      for (const href of await links(page)) {
        const url = new URL(href);
        if (url.origin !== t.baseUrl) continue;
        const next = url.pathname + url.search;
        if (next === '/logout' || url.pathname === '/login' || ELSEWHERE.test(next) || seen.has(next)) continue;
        queue.push(next);
      }
    }
    // every form, sent as it stands: nothing typed, nothing chosen beyond what the page chose
    for (const [path, forms] of formsOf) {
      for (let i = 0; i < forms; i++) {
        await page.goto(`${t.baseUrl}${path}`);
        const form = page.locator('main form').nth(i);
        const action = (await form.getAttribute('action')) ?? path;
        if (ELSEWHERE.test(action)) continue;
        const submit = form.locator('button[type=submit], button:not([type]), input[type=submit]').last();
        if (!(await submit.count())) continue;
        const label = ((await submit.innerText()) || 'submit').trim();
        const downloaded = page.waitForEvent('download', { timeout: 15_000 }).then(() => true, () => false);
        const navigated = page.waitForEvent('framenavigated', { timeout: 15_000 }).then(() => false, () => false);
        await submit.click();
        if (await Promise.race([downloaded, navigated])) continue;
        await page.waitForLoadState();
        const where = `${path} → “${label}” (${action})`;
        if (new URL(page.url()).pathname === '/login') {
          problems.push({ who, where, what: 'sent the user to sign in' });
          await signIn(page, credentials);
          continue;
        }
        const status = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): Array<{ responseStatus?: number }> } }).performance.getEntriesByType('navigation')[0]?.responseStatus ?? 200);
        await inspect(page, who, where, status, problems);
        if (process.env.WALK_LOG) console.log(`${who} form: ${where} → ${page.url()} ${status}`);
      }
    }
    // sign-out from every page: the button ends the session, and the page then asks to sign in again
    for (const path of pages) {
      await page.goto(`${t.baseUrl}${path}`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/walk-${who.replace(/\W+/g, '-')}-${path.replace(/\W+/g, '-').slice(0, 80)}.png`, fullPage: true });
      if (!(await page.getByRole('button', { name: 'Sign out' }).count())) continue; // reported by inspect
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${t.baseUrl}${path}`);
      if (new URL(page.url()).pathname !== '/login') problems.push({ who, where: path, what: 'still open after signing out' });
      await signIn(page, credentials);
    }
    if (process.env.WALK_LOG) console.log(`${who} walked:\n${[...seen].join('\n')}`);
    await context.close();
    expect({ walked: seen.size, problems }).toEqual({ walked: seen.size, problems: [] });
    expect(analysedSteps).toBeGreaterThan(0); // the case pages' triage tables were read
  }, 600_000);
});
