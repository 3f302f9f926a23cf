import { beforeAll, describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';
import type { EntityType, Result } from '#shared/result.ts';
import { SEED_BYTES, SEED_ORGANIZATIONS, SEED_PEOPLE, SEED_PLACES } from '#tests/helpers/seed.ts';

const seed = SEED_BYTES;
const straight = (text: string | undefined) => text?.replace(/[’‘]/g, "'");

const PEOPLE = SEED_PEOPLE;
const PLACES = SEED_PLACES;
const ORGANIZATIONS = SEED_ORGANIZATIONS;

/**
 * Quote openings and their speakers. "specifically so that ..." goes to Blinken: in "Before leaving for
 * Beijing, Blinken said, Biden and Xi pledged to improve communications “...”" the parenthetical "Blinken
 * said" reports the whole sentence, the quote included ("we communicate" is the US side speaking), while
 * "pledged" is what was said, not who said it; a speech verb outranks such a verb in the same sentence.
 */
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['coincides with a critical juncture', "China's foreign ministry"],
  ['stressed the importance of responsible management', 'State Department'],
  ['specifically so that we can make sure', 'Antony Blinken'],
  ['benefit of our two countries', 'Xi Jinping'],
  ['China-US relations are at the lowest level', 'Beijing'],
];

describe('processArticle facts on the seed article (golden)', () => {
  let result: Result;
  const namesOf = (type: EntityType) =>
    result.facts.entities.filter((entity) => entity.type === type).map((entity) => entity.name);

  beforeAll(() => {
    result = processArticle({
      id: 'seed',
      bytes: seed,
      source: { bytes: seed.byteLength, key: 'incoming/seed.txt' },
    });
  });

  it.each(PEOPLE)('finds the person %s under the full name', (name) => {
    expect(namesOf('person')).toContain(name);
  });

  it.each(PLACES)('finds the place %s', (name) => {
    expect(namesOf('place')).toContain(name);
  });

  it.each(ORGANIZATIONS)('finds the organisation %s', (name) => {
    expect(namesOf('organization')).toContain(name);
  });

  it.each([
    ['Blinken', 'Antony Blinken'],
    ['Xi', 'Xi Jinping'],
    ['Biden', 'Joe Biden'],
    ['Wang', 'Wang Yi'],
  ])('merges %s into %s instead of keeping a separate person', (short, full) => {
    const people = result.facts.entities.filter((entity) => entity.type === 'person');

    expect(people.map((entity) => entity.name)).not.toContain(short);
    expect(people.find((entity) => entity.name === full)?.aliases).toContain(short);
  });

  it.each([
    ['Antony Blinken', 'US Secretary of State'],
    ['Xi Jinping', 'Chinese President'],
    ['Wang Yi', "China's top diplomat"],
    ['Qin Gang', 'Chinese Foreign Minister'],
    ['Lloyd Austin', 'US Secretary of Defense'],
  ])('gives %s the role %s', (name, role) => {
    const entity = result.facts.entities.find((candidate) => candidate.name === name);

    expect(entity?.roles?.map(straight)).toContain(role);
  });

  it('resolves "met ... on Monday" to 2023-06-19 against the publication date', () => {
    const monday = result.text.indexOf('Monday', result.text.indexOf('met Chinese President Xi Jinping on'));

    const date = result.facts.dates.find((candidate) => candidate.start === monday);

    expect(date).toMatchObject({ text: 'Monday', value: '2023-06-19', kind: 'relative' });
    expect(date?.anchor).toEqual({ value: '2023-06-19', from: 'metadata' });
  });

  it.each(QUOTES)('attributes the quote “%s…” to %s', (opening, speaker) => {
    const quote = result.facts.quotes.find((candidate) => candidate.text.startsWith(opening));

    expect(straight(quote?.speaker)).toBe(speaker);
  });

  it('grounds every fact to its span of the text', () => {
    const { entities, dates, numbers, quotes } = result.facts;
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        expect([entity.name, ...(entity.aliases ?? [])]).toContain(
          result.text.slice(mention.start, mention.end),
        );
      }
    }
    for (const fact of [...dates, ...numbers, ...quotes]) {
      expect(result.text.slice(fact.start, fact.end)).toBe(fact.text);
    }
  });

  it('finds the title line’s entities, grounded in the text it opens', () => {
    const title = result.title ?? '';
    const inTitle = (name: string) =>
      result.facts.entities
        .find((entity) => entity.name === name)
        ?.mentions.filter((mention) => mention.end <= title.length)
        .map((mention) => result.text.slice(mention.start, mention.end));

    expect(result.text.startsWith(`${title}\n\n`)).toBe(true);
    expect(inTitle('Antony Blinken')).toEqual(['Antony Blinken']);
    expect(inTitle('Xi Jinping')).toEqual(['Xi Jinping']);
    expect(inTitle('Beijing')).toEqual(['Beijing']);
    expect(result.summary.some((sentence) => sentence === title)).toBe(false);
  });

  it('reads "the People’s Republic of China" as one place, not a person "People"', () => {
    expect(namesOf('person')).not.toContain('People');
    expect(namesOf('place')).toContain('People’s Republic of China');
  });
});
