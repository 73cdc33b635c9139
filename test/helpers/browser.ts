import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core against the page for WCAG 2.2 A and AA; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // Runs in the page; the test's TypeScript has no DOM types, so the page's globals are typed here.
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/**
 * The page as it stands passes axe at desktop (1280 px) and phone (390 px) widths, and is left at desktop width.
 * With SCREENSHOT_DIR set, a full-page screenshot of each width is kept there to look at.
 */
export async function expectAccessibleAtBothWidths(page: Page, name: string): Promise<void> {
  const shots = process.env.SCREENSHOT_DIR;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    expect({ name, width, violations: await axeViolations(page) }).toEqual({ name, width, violations: [] });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
