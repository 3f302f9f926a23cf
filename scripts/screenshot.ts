import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { processArticle } from '#shared/process-article.ts';
import { renderResultPage } from '#shared/viewer/render-page.ts';
import { launchChromium } from './chromium.ts';

/**
 * `npm run screenshot`: the viewer page of the seed article, as the README shows it (docs/viewer-seed.png),
 * with the tooltip of a mention open. The clock is fixed so the picture changes only when the page does.
 */

const OUTPUT = new URL('../docs/viewer-seed.png', import.meta.url);
const SEED = new URL('../tests/fixtures/seed-article.txt', import.meta.url);
const VIEWPORT = { width: 1280, height: 1400 };
const FIXED_NOW = new Date('2026-01-01T00:00:00.000Z');

const bytes = readFileSync(SEED);
const result = processArticle(
  {
    id: 'seed',
    bytes,
    source: { bucket: 'precis-articles', key: 'incoming/seed article.txt', bytes: bytes.byteLength },
  },
  { now: () => FIXED_NOW },
);

const browser = await launchChromium(120_000);
try {
  const file = join(browser.directory, 'seed.html');
  writeFileSync(file, renderResultPage(result));
  const page = await browser.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(pathToFileURL(file).href);
  const blinken = result.facts.entities.findIndex((entity) => entity.name === 'Antony Blinken');
  await page.hover(`#entity-${blinken}-0`);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: OUTPUT.pathname });
  console.log(`Wrote ${OUTPUT.pathname}`);
} finally {
  await browser.close();
}
