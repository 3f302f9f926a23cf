import { describe, expect, it } from 'vitest';
import { boundResult, RESULT_LIMITS, truncate } from '#shared/limits/bound-result.ts';
import type { Entity, Removal } from '#shared/result.ts';
import { aResult } from '#tests/helpers/builders.ts';

const anEntity = (index: number, mentions = 1, salience = index / 1_000): Entity => ({
  type: 'person',
  name: `Person ${index}`,
  mentions: Array.from({ length: mentions }, (_, at) => ({ start: at * 10, end: at * 10 + 6 })),
  count: mentions,
  salience,
});

describe('truncate', () => {
  it('keeps a text that fits as it is', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts at a word and adds an ellipsis when the text is over the cap', () => {
    expect(truncate('the council approved the budget', 24)).toBe('the council approved…');
  });

  it('cuts inside a word when there is no space near the cap', () => {
    expect(truncate('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate(`${'a'.repeat(8)}😀😀😀`, 10);

    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });
});

describe('boundResult', () => {
  it('leaves an ordinary Result unchanged', () => {
    const result = aResult({
      title: 'Council approves budget',
      removed: [{ rule: 'bare-url', text: 'https://a.b' }],
    });

    expect(boundResult(result)).toEqual(result);
  });

  it('caps a 1 MB title, a 2 MB headline and 2 MB summary sentences', () => {
    const huge = 'word '.repeat(400_000);
    const bounded = boundResult(aResult({ title: huge, headline: huge, summary: [huge, 'A short one.'] }));

    expect(bounded.title?.length).toBeLessThanOrEqual(RESULT_LIMITS.titleChars);
    expect(bounded.headline?.length).toBeLessThanOrEqual(RESULT_LIMITS.headlineChars);
    expect(bounded.summary[0]?.length).toBeLessThanOrEqual(RESULT_LIMITS.summarySentenceChars);
    expect(bounded.summary[0]?.endsWith('…')).toBe(true);
    expect(bounded.summary[1]).toBe('A short one.');
  });

  it('caps byline, site name and dateline, and drops a source URL too long to be one', () => {
    const long = 'x'.repeat(100_000);
    const bounded = boundResult(
      aResult({ byline: long, siteName: long, dateline: long, sourceUrl: `https://a.b/${long}` }),
    );

    expect(bounded.byline?.length).toBe(RESULT_LIMITS.metadataChars);
    expect(bounded.siteName?.length).toBe(RESULT_LIMITS.metadataChars);
    expect(bounded.dateline?.length).toBe(RESULT_LIMITS.metadataChars);
    expect(bounded).not.toHaveProperty('sourceUrl');
  });

  it('caps the section, keeps the first 20 tags cut short, and drops an image URL too long to be one', () => {
    const long = 'x'.repeat(100_000);
    const tags = Array.from({ length: 10_000 }, (_, index) => `${index} ${long}`);
    const bounded = boundResult(aResult({ section: long, tags, image: `https://a.b/${long}` }));

    expect(bounded.section?.length).toBe(RESULT_LIMITS.metadataChars);
    expect(bounded.tags).toHaveLength(RESULT_LIMITS.tags);
    expect(bounded.tags?.[1]).toBe(`1 ${'x'.repeat(RESULT_LIMITS.tagChars - 3)}…`);
    expect(bounded).not.toHaveProperty('image');
  });

  it('keeps an ordinary image URL, section and tags as they are', () => {
    const fields = { image: 'https://a.b/c.jpg', section: 'Politics', tags: ['Budget', 'Council'] };

    expect(boundResult(aResult(fields))).toMatchObject(fields);
  });

  it('keeps 20 removals per rule, cut short, and counts the rest per rule', () => {
    const removed: Removal[] = [
      ...Array.from({ length: 60_000 }, (_, index) => ({
        rule: 'bare-url',
        text: `https://example.com/${index}`,
      })),
      ...Array.from({ length: 3 }, () => ({ rule: 'photo-caption', text: 'c'.repeat(10_000) })),
    ];

    const bounded = boundResult(aResult({ removed }));

    expect(bounded.removed?.filter((removal) => removal.rule === 'bare-url')).toHaveLength(20);
    expect(bounded.removed?.filter((removal) => removal.rule === 'photo-caption')).toHaveLength(3);
    expect(Math.max(...(bounded.removed ?? []).map((removal) => removal.text.length))).toBeLessThanOrEqual(
      RESULT_LIMITS.removedTextChars,
    );
    expect(bounded.removedOmitted).toEqual({ 'bare-url': 59_980 });
  });

  it('keeps the most salient entities, each with its first mentions and its total count', () => {
    const entities = Array.from({ length: 600 }, (_, index) => anEntity(index, index === 599 ? 68_000 : 1));

    const bounded = boundResult(aResult({ facts: { ...aResult().facts, entities } }));

    expect(bounded.facts.entities).toHaveLength(RESULT_LIMITS.entities);
    expect(bounded.facts.entities.some((entity) => entity.name === 'Person 0')).toBe(false);
    const busiest = bounded.facts.entities.find((entity) => entity.name === 'Person 599');
    expect(busiest?.mentions).toHaveLength(RESULT_LIMITS.mentionsPerEntity);
    expect(busiest?.count).toBe(68_000);
    expect(bounded.factsOmitted).toEqual({ entities: 100 });
  });

  it('keeps the first 1,000 dates, numbers and quotes and leaves out quotes too long to be quotes', () => {
    const numbers = Array.from({ length: 1_500 }, (_, index) => ({
      text: '$1',
      kind: 'money' as const,
      value: 1,
      start: index * 3,
      end: index * 3 + 2,
    }));
    const quotes = [
      { text: 'q'.repeat(3_000), start: 0, end: 3_000 },
      { text: 'We will act.', start: 3_001, end: 3_013 },
    ];

    const bounded = boundResult(aResult({ facts: { ...aResult().facts, numbers, quotes } }));

    expect(bounded.facts.numbers).toHaveLength(RESULT_LIMITS.factsPerKind);
    expect(bounded.facts.numbers[0]).toEqual(numbers[0]);
    expect(bounded.facts.quotes.map((quote) => quote.text)).toEqual(['We will act.']);
    expect(bounded.factsOmitted).toEqual({ numbers: 500, quotes: 1 });
  });
});
