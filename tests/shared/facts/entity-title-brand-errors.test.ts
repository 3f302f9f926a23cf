/**
 * A work's title and a company's bare name that readers saw typed wrong (session 24, issue 10): a film named by a
 * verb's -ing form and a place ("Killing Gaza") was an organisation, and a company the article also names by its web
 * address ("Amazon.com") a person or a place. Each case is text written for this test.
 */
import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';
import { entitiesOf, typeOf } from './tagged-mentions.ts';

const entitiesOfText = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return processArticle({ id: 'title-brand', bytes, source: { bytes: bytes.byteLength, key: 'a.txt' } }).facts
    .entities;
};

describe('a place after a word in -ing that the tagger left out', () => {
  it('is a work, an other, through processArticle', () => {
    const entities = entitiesOfText(
      'The festival opened with Killing Gaza, which follows families after the war. Critics praised Killing ' +
        'Gaza for its images.',
    );

    expect(typeOf(entities, 'Killing Gaza')).toEqual(['other']);
    expect(typeOf(entities, 'Gaza')).toEqual([]);
  });

  it('is joined where a mention opens a sentence after the same word', () => {
    const text = 'Their film Leaving Baghdad won a prize. Leaving Baghdad was shot in 2019.';

    const entities = entitiesOf(text, [['LOC', 'Baghdad']]);

    expect(entities.map((entity) => [entity.name, entity.type, entity.count])).toEqual([
      ['Leaving Baghdad', 'other', 2],
    ]);
  });

  it('is not joined where the word only opens sentences', () => {
    const text = 'Leaving Baghdad, the convoy drove north. Leaving Baghdad took them an hour.';

    const entities = entitiesOf(text, [['LOC', 'Baghdad']]);

    expect(entities.map((entity) => [entity.name, entity.type])).toEqual([['Baghdad', 'place']]);
  });
});

describe('a name the article also writes as a web address', () => {
  it('is the company, through processArticle', () => {
    const entities = entitiesOfText(
      'Angela Bolger, a nurse, had bought a battery from Amazon in 2019. A court found that Amazon.com can now ' +
        'be held liable. Amazon argued that it was only a marketplace.',
    );

    expect(typeOf(entities, 'Amazon')).toEqual(['organization']);
  });

  it('is the company where the tagger read a person, but not from a longer word', () => {
    const company =
      'Orvane sold the lamps. Shoppers found them on Orvane.com last week. Orvane said sales rose.';
    const longer = 'Orvane sold the lamps. Fans met on Orvane.community last week. Orvane said sales rose.';

    expect(typeOf(entitiesOf(company, [['PER', 'Orvane']]), 'Orvane')).toEqual(['organization']);
    expect(typeOf(entitiesOf(longer, [['PER', 'Orvane']]), 'Orvane')).toEqual(['person']);
  });
});
