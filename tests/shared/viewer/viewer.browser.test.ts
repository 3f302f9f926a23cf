import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/result.ts';
import { renderResultPage } from '#shared/viewer/render-page.ts';
import { launchBrowser, seriousAccessibilityViolations, type TestBrowser } from '#tests/helpers/browser.ts';
import { aFailedResult, aHostileResult, seedResult } from '#tests/helpers/viewer-results.ts';

/** The viewer in headless Chromium: what a reader sees and does, what runs, and an axe scan. */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Scans take seconds each on a loaded machine; nothing here asserts a duration. */
const SCAN_TIMEOUT_MS = 240_000;

/** Each step waits up to a minute (see tests/helpers/browser.ts); nothing here asserts a duration. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;

describe('the viewer page in Chromium', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  let browser: TestBrowser;
  let seed: Result;

  beforeAll(async () => {
    browser = await launchBrowser();
    seed = seedResult();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows one highlight per summary sentence and one mark per entity mention for the seed', async () => {
    const { page, problems } = await browser.open(renderResultPage(seed), DESKTOP);
    const mentions = seed.facts.entities.reduce((sum, entity) => sum + entity.mentions.length, 0);

    await expect.poll(() => page.locator('mark.summary[id]').count()).toBe(seed.summary.length);
    expect(await page.locator('mark.summary[id]:visible').count()).toBe(seed.summary.length);
    expect(await page.locator('mark[data-entity][tabindex="0"]:visible').count()).toBe(mentions);
    expect(problems).toEqual([]);
  });

  it("shows the title of a text file once, as the heading, whose marks work like the text's", async () => {
    const { page, problems } = await browser.open(renderResultPage(seed), DESKTOP);
    const title = seed.title ?? '';

    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('#text p').first().textContent()).not.toContain(title);
    expect(((await page.locator('body').textContent()) ?? '').split(title).length - 1).toBe(1);
    await page.locator('h1 mark[data-entity]').first().hover();
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows the entity, its aliases and roles when a mention is hovered, and hides them on Escape', async () => {
    const { page, problems } = await browser.open(renderResultPage(seed), DESKTOP);
    const index = seed.facts.entities.findIndex((entity) => entity.name === 'Antony Blinken');
    const tip = page.locator('#tip');

    await page.hover(`#entity-${index}-1`);

    await expect.poll(() => tip.isVisible()).toBe(true);
    const shown = await tip.textContent();
    expect(shown).toContain('Antony Blinken');
    expect(shown).toContain('Person');
    expect(shown).toContain('Blinken');
    expect(shown).toContain('US Secretary of State');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('highlights every mention of an entity when one is clicked, and clears them on a second click', async () => {
    const { page, problems } = await browser.open(renderResultPage(seed), DESKTOP);
    const index = seed.facts.entities.findIndex((entity) => entity.name === 'Xi Jinping');
    const mentions = seed.facts.entities[index]?.mentions.length ?? 0;
    const selected = page.locator(`mark[data-entity="${index}"].selected[aria-pressed="true"]`);

    await page.click(`#entity-${index}-0`);
    await expect.poll(() => selected.count()).toBe(mentions);
    expect(await page.locator(`mark.selected:not([data-entity="${index}"])`).count()).toBe(0);
    await expect
      .poll(() => page.locator('#live').textContent())
      .toContain(`${mentions} mentions highlighted`);

    await page.click(`#entity-${index}-0`);
    await expect.poll(() => page.locator('mark.selected').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('works from the keyboard: a focused mention shows its entity and Enter highlights its mentions', async () => {
    const { page, problems } = await browser.open(renderResultPage(seed), DESKTOP);
    const first = page.locator('mark[data-entity][tabindex="0"]').first();
    const index = await first.getAttribute('data-entity');

    await first.focus();
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');

    await expect
      .poll(() => page.locator(`mark[data-entity="${index}"].selected`).count())
      .toBe(seed.facts.entities[Number(index)]?.mentions.length);
    expect(problems).toEqual([]);
  });

  it('highlights the speaker of a quote when the quote is hovered', async () => {
    const { page, problems } = await browser.open(renderResultPage(seed), DESKTOP);
    const quote = page.locator('q.quote[data-speaker][id]').last();
    const speakerId = await quote.getAttribute('data-speaker');

    await quote.hover();

    await expect.poll(() => page.locator(`#${speakerId}.speaking`).count()).toBe(1);
    expect(await page.locator('#tip').textContent()).toContain('Quote by');
    expect(problems).toEqual([]);
  });

  it('runs nothing from a Result full of <script> and "><img onerror=…>', async () => {
    const { page, problems } = await browser.open(renderResultPage(aHostileResult()), DESKTOP);

    for (const mark of await page.locator('[data-tip]').all()) await mark.hover();
    await page.locator('details summary').click();

    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('img, svg, iframe').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toContain('<script>');
    expect(problems).toEqual([]);
  });

  it.each([
    ['the seed', () => seedResult()],
    ['a FAILED Result', () => aFailedResult()],
    ['a hostile Result', () => aHostileResult()],
  ])(
    'has no serious accessibility violations on %s, on a desktop and on a phone',
    async (_name, build) => {
      const html = renderResultPage(build());
      for (const viewport of [DESKTOP, PHONE]) {
        const { page, problems } = await browser.open(html, viewport);

        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
      }
    },
    SCAN_TIMEOUT_MS,
  );

  it('has a scan that finds a serious violation when a page has one', async () => {
    const { page } = await browser.open(
      '<!doctype html><html lang="en"><title>Bad</title><main><button></button></main></html>',
    );

    expect(await seriousAccessibilityViolations(page)).toEqual([expect.stringMatching(/^button-name: /)]);
  });

  it('fits a phone screen without scrolling sideways', async () => {
    const { page } = await browser.open(renderResultPage(seed), PHONE);

    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );

    expect(overflow).toBeLessThanOrEqual(0);
  });
});
