import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.js';
import { ADMIN, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The attack as it was made: an admin signed in to the service in Chromium visits a page served from another port of the
 * same host, which auto-submits a form to the API. SameSite=Lax does not separate ports of one host, so the browser
 * sends the session cookie; the service must refuse the request itself.
 */
describe('cross-site requests in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let attacker: Server;
  let attackerUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    attacker = createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x').searchParams.get('target') ?? '';
      response.setHeader('content-type', 'text/html');
      response.end(`<!doctype html><html><body>
        <form id="f" method="post" action="${t.baseUrl}${target}">
          <input name="email" value="intruder@example.org"><input name="password" value="intruder-password-1"><input name="role" value="admin">
          <input name="kind" value="withdrawn"><input name="notes" value="forged">
        </form><script>document.getElementById('f').submit()</script></body></html>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  beforeEach(async () => {
    context = await browser.newContext();
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker.close(resolve));
    await t.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${t.baseUrl}/login`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/cases$/);
  }

  it('refuses a form another port of the host auto-submits to POST /api/users while an admin is signed in', async () => {
    const page = await context.newPage();
    await signIn(page);
    const answer = page.waitForResponse((response) => response.url() === `${t.baseUrl}/api/users`);
    await page.goto(`${attackerUrl}/?target=/api/users`);
    expect((await answer).status()).toBe(403);
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'intruder@example.org'`)).toEqual([]);
    const login = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'intruder@example.org', password: 'intruder-password-1' }),
    });
    expect(login.status).toBe(401);
  });

  it('signs out with the button on the queue and the audit pages, and the pages then ask to sign in again', async () => {
    for (const path of ['/cases', '/audit']) {
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${t.baseUrl}${path}`);
      await page.waitForURL(/\/login\?next=/);
      await page.close();
    }
  });
});
