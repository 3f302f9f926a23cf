import { describe, expect, it } from 'vitest';
import { loadNerModel, tagEntities } from '#shared/facts/ner/tag-entities.ts';
import { SEED_ORGANIZATIONS, SEED_PEOPLE, SEED_PLACES, SEED_TEXT } from '#tests/helpers/seed.ts';

const SEED = SEED_TEXT;

const EXPECTED: ReadonlyArray<['PER' | 'ORG' | 'LOC', string]> = [
  ...SEED_PEOPLE.map((name) => ['PER', name] as ['PER', string]),
  ...SEED_PLACES.map((name) => ['LOC', name] as ['LOC', string]),
  ...SEED_ORGANIZATIONS.map((name) => ['ORG', name] as ['ORG', string]),
];

describe('tagEntities on the seed article', () => {
  const mentions = tagEntities(SEED);

  // The pipeline fixes the rest (seed-golden.test.ts): "Secretary of [Defense Lloyd Austin]" is a person.
  it('finds at least nine in ten of the seed’s names, each with its type', () => {
    const missed = EXPECTED.filter(
      ([type, name]) => !mentions.some((mention) => mention.text === name && mention.type === type),
    );

    expect(missed.length, JSON.stringify(missed)).toBeLessThanOrEqual(EXPECTED.length / 10);
  });

  it('tags the possessive form without its clitic when the text writes Blinken’s', () => {
    const start = SEED.indexOf('Blinken’s visit');
    expect(mentions).toContainEqual({ type: 'PER', start, end: start + 'Blinken'.length, text: 'Blinken' });
  });

  it('grounds every mention in the text and sorts them by start', () => {
    for (const mention of mentions) expect(SEED.slice(mention.start, mention.end)).toBe(mention.text);
    const starts = mentions.map((mention) => mention.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('tagEntities', () => {
  it('loads the committed model once per process', () => {
    expect(loadNerModel()).toBe(loadNerModel());
  });

  it('tags a short sentence in running text', () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday, the German government said.';
    const found = tagEntities(text).map(({ type, text: surface }) => `${type}:${surface}`);
    expect(found).toEqual(expect.arrayContaining(['PER:Angela Merkel', 'PER:Emmanuel Macron', 'LOC:Paris']));
  });

  it('returns nothing for an empty text', () => {
    expect(tagEntities('')).toEqual([]);
  });
});
