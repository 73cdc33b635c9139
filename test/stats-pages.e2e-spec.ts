import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './helpers/browser.js';
import { FormBrowser } from './helpers/http.js';
import { buildStatsWorld, OLD_VERSION, type StatsWorld } from './helpers/stats-fixture.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The /stats page and the annual report in Chromium, for the known cases of test/helpers/stats-fixture.ts (their
 * figures are worked out in test/stats.e2e-spec.ts): every table, the charts, axe at 1280 and 390 px, and the PDF.
 */
describe('statistics page and annual report in a browser', () => {
  let t: TestApp;
  let w: StatsWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** A table's body as text: row header → the other cells. */
  const table = async (id: string) =>
    Object.fromEntries(
      await page.$$eval(`#${id} tbody tr`, (rows) =>
        rows.map((row) => {
          const cells = [...(row as unknown as { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }).querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim());
          return [cells[0], cells.slice(1)];
        }),
      ),
    ) as Record<string, string[]>;

  const expectAccessible = async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect({ width, violations: await axeViolations(page) }).toEqual({ width, violations: [] });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    t = await startTestApp({ STATS_REFRESH_SECONDS: '0' });
    w = await buildStatsWorld(t);
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true }); // axe-core is injected as an inline script
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/login?next=/stats`);
    await page.fill('#email', 'stats-audit@example.org');
    await page.fill('#password', 'a-long-password-1');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/stats$/);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('shows every figure of 2025-26, chosen with the form, in charts with tables beneath', async () => {
    expect(await page.locator('.govuk-service-navigation a[href="/stats"]').getAttribute('aria-current')).toBe('true');
    await page.selectOption('#year', '2025-26');
    await page.click('button:has-text("Show the year")');
    await page.waitForURL(/year=2025-26/);
    expect(await page.textContent('#period-label')).toContain('financial year 2025-26 (1 April 2025 to 31 March 2026)');

    const key = Object.fromEntries(await page.$$eval('#key-figures-list .govuk-summary-list__row', (rows) => rows.map((r) => (r as unknown as { innerText: string }).innerText.split(/[\t\n]/).map((s) => s.trim()).filter(Boolean))));
    expect(key).toEqual({ 'Complaints received': '9', 'Awaiting triage': '0', 'Cases with a deadline overdue': '4', 'Referred to the IOPC': '2', Withdrawn: '1', 'Repeats of an earlier complaint': '1' });

    const months = await table('table-categories');
    expect(months['June 2025']).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(months['September 2025']).toEqual(['0', '1', '0', '1', '0', '0', '2']);
    expect(months['April 2025']).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(months['All months']).toEqual(['3', '2', '1', '3', '0', '0', '9']);
    expect(Object.keys(months)).toHaveLength(13);

    const deadlines = await table('table-deadlines');
    expect(deadlines).toMatchObject({
      Acknowledgement: ['3', '1', '0', '4', '1', '1.5'],
      'Recording decision': ['5', '0', '0', '3', '1', '4'],
      'IOPC referral': ['1', '1', '0', '1', '1', '2'],
      'Informal resolution': ['0', '1', '0', '0', '0', '42'],
    });
    // Reviews of the triage are asked for by the rules, so their number is whatever the API says; the page must agree.
    const review = (await (await context.request.get(`${t.baseUrl}/api/stats?year=2025-26`)).json()).timeliness.triage_review;
    expect(deadlines['Triage review']).toEqual([review.met, review.metLate, review.open, review.overdue, review.stopped, review.medianWorkingDays ?? '–'].map(String));
    expect(await table('table-agreement')).toEqual({
      [OLD_VERSION]: ['4', '2', '1', '1', '67%'],
      [w.rulesetVersion]: ['9', '4', '2', '3', '67%'],
    });
    expect(await table('table-referrals')).toEqual({
      Referred: ['2'], 'Met on time': ['1'], 'Met late': ['1'], 'Open, not yet due': ['0'], Overdue: ['1'], Stopped: ['1'], 'Median working days': ['2'],
    });
    expect(await table('table-outcomes')).toEqual({
      Acknowledged: ['4'], 'Referred to the IOPC': ['2'], 'Informal resolution started': ['1'], 'Informal resolution concluded': ['1'], 'Not recorded': ['2'], Withdrawn: ['1'],
    });
    expect(await table('table-statuses')).toEqual({ Triaged: ['3'], 'Referred to the IOPC': ['2'], 'Outcome recorded': ['1'], 'Not recorded': ['2'], Withdrawn: ['1'] });
    expect(await table('table-triage-categories')).toEqual({ Criminal: ['4'], Conduct: ['2'], Vexatious: ['1'], Political: ['2'] });
    expect(await table('table-channels')).toEqual({ Letter: ['4'], Email: ['3'], Phone: ['1'], 'In person': ['1'] });
    expect(await table('table-roles')).toEqual({ Commissioner: ['7'], 'Deputy commissioner': ['1'], Mayor: ['1'] });
    expect(await table('table-other')).toEqual({ Withdrawn: ['1'], 'Repeats of an earlier complaint': ['1'], '– repetitious': ['1'], '– duplicate of an open case': ['0'], '– repeat with new matter': ['0'], 'Personal data erased': ['0'], '– at the complainant’s request': ['0'], '– at the end of the retention period': ['0'] });
    expect(await table('table-confusion-2')).toEqual({ Criminal: ['2', '1', '0', '0', '0'], Conduct: ['0', '1', '0', '1', '0'], Political: ['0', '0', '0', '1', '0'] });

    const charts = await page.$$eval('svg.app-chart', (svgs) => svgs.map((s) => (s as unknown as { getAttribute(a: string): string | null; querySelector(q: string): { textContent: string } | null }).querySelector('title')?.textContent));
    expect(charts).toEqual([
      'Cases received each month, by category in force',
      'Deadlines by kind: met on time, met late, open, overdue and stopped',
      'Cases each rule-set version triaged: kept by officers, changed, not yet reviewed',
    ]);
    expect(await page.textContent('#deadlines-summary')).toContain('Acknowledgements: 3 met on time, 1 late, 4 overdue (38% on time)');
    expect(await page.textContent('#categories-summary')).toContain('The busiest month was June 2025, with 3.');
    await expectAccessible();
    await page.screenshot({ path: join(tmpdir(), 'stats-page.png'), fullPage: true });
  });

  it('names a wrong date in the form, keeping what was typed', async () => {
    await page.goto(`${t.baseUrl}/stats`);
    await page.fill('#from-day', '31');
    await page.fill('#from-month', '2');
    await page.fill('#from-year', '2026');
    await page.click('button:has-text("Show these dates")');
    expect(await page.textContent('.govuk-error-summary')).toContain('The start date must be a real date');
    expect(await page.inputValue('#from-day')).toBe('31');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible();

    await page.fill('#from-day', '2');
    await page.fill('#from-month', '6');
    await page.fill('#from-year', '2025');
    await page.fill('#to-day', '2');
    await page.fill('#to-month', '6');
    await page.fill('#to-year', '2025');
    await page.click('button:has-text("Show these dates")');
    expect((await table('table-categories'))['All months']).toEqual(['3', '0', '0', '0', '0', '0', '3']);
  });

  it('prints the annual report as a page and as a PDF laid out as a panel paper', async () => {
    await page.goto(`${t.baseUrl}/reports/annual?year=2025-26`);
    expect(await page.textContent('h1')).toBe('Complaints about the Police and Crime Commissioner: annual report 2025-26');
    expect((await table('table-deadlines')).Acknowledgement).toEqual(['3', '1', '0', '4', '1', '1.5']);
    expect(await page.textContent('#method ~ p')).toContain('25 December 2025 (Christmas Day)');
    await expectAccessible();
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.govuk-service-navigation')).toBe(false);
    expect(await page.isVisible('#table-deadlines')).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const response = await context.request.get(`${t.baseUrl}/reports/annual.pdf?year=2025-26`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'annual-report-'));
    try {
      writeFileSync(join(folder, 'report.pdf'), await response.body());
      const text = execFileSync('pdftotext', ['-layout', join(folder, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
      expect(text).toContain('annual report 2025-26');
      expect(text).toContain('1 April 2025 to 31 March 2026');
      expect(text).toMatch(/Acknowledgement 3 1 0 4 1 1\.5/);
      expect(text).toMatch(/IOPC referral 1 1 0 1 1 2/);
      expect(text).toMatch(/June 2025 3 0 0 0 0 0 3/);
      expect(text).toMatch(/Complaints received 9/);
      expect(text).toContain('Notes on method');
      expect(text).toContain('25 December 2025 (Christmas Day)');
      expect(text).toMatch(/page 1 of \d/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect((await context.request.get(`${t.baseUrl}/reports/annual.pdf?year=2025-27`)).status()).toBe(400);
  });

  it('sends anonymous visitors to sign in', async () => {
    const anonymous = new FormBrowser(t.baseUrl);
    expect((await anonymous.get('/stats')).url).toContain('/login');
    expect((await anonymous.get('/reports/annual?year=2025-26')).url).toContain('/login');
  });
});
