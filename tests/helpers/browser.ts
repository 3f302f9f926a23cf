import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.ts';

/** Headless Chromium for the viewer's browser tests (scripts/chromium.ts). */

/** Generous: the machine may be loaded; no test asserts a duration. */
const ACTION_TIMEOUT_MS = 60_000;

export interface TestBrowser {
  readonly context: BrowserContext;
  /** A new page showing `html` from a file, as `precis view -o` leaves it; problems collects console errors. */
  open(
    html: string,
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await launchChromium(ACTION_TIMEOUT_MS);
  const { context, directory } = browser;
  let pages = 0;
  return {
    context,
    async open(html, viewport) {
      pages += 1;
      const file = join(directory, `page-${pages}.html`);
      writeFileSync(file, html);
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(file).href);
      return { page, problems };
    },
    close: () => browser.close(),
  };
}

/**
 * An axe-core scan of the page, injected through the DevTools protocol (which the page's CSP does not
 * govern): the serious and critical violations, as "rule: targets". axe runs in the page itself, a few
 * times faster than @axe-core/playwright's frame-by-frame run.
 */
interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly targets: readonly string[];
}

/** Evaluated in the page (a string: the test program has no DOM types). */
const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((results) =>
  results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  })))`;

export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = (await page.evaluate(AXE_RUN)) as readonly AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.targets.join(', ')}`);
}
