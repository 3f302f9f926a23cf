import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's headless Chromium driven by playwright-core (Playwright's own browser download cannot work
 * offline): a fresh profile, nothing that reaches the network. `PRECIS_CHROMIUM` points at another build.
 * Used by the viewer's browser tests and `npm run screenshot`.
 */

export const CHROMIUM = process.env.PRECIS_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  readonly context: BrowserContext;
  /** A fresh directory of this browser's own, for pages written to files. */
  readonly directory: string;
  close(): Promise<void>;
}

export async function launchChromium(timeoutMs: number): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set PRECIS_CHROMIUM)`);
  }
  const directory = mkdtempSync(join(tmpdir(), 'precis-chromium-'));
  const context = await chromium.launchPersistentContext(join(directory, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    timeout: timeoutMs,
  });
  context.setDefaultTimeout(timeoutMs);
  return {
    context,
    directory,
    async close() {
      await context.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
