import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';
import type { Entity } from '#shared/result.ts';
import { findTitleMentions } from '#shared/title/title-mentions.ts';
import { encode, fixedNow } from '#tests/helpers/builders.ts';

const entity = (type: Entity['type'], name: string, aliases?: string[]): Entity => ({
  type,
  name,
  mentions: [{ start: 0, end: 1 }],
  ...(aliases === undefined ? {} : { aliases }),
});

describe('findTitleMentions', () => {
  it.each([
    [
      'names and aliases, whole words, in title order',
      'Blinken meets Xi in Beijing',
      [
        entity('person', 'Antony Blinken', ['Blinken']),
        entity('person', 'Xi Jinping', ['Xi']),
        entity('place', 'Beijing'),
      ],
      [
        { start: 0, end: 7, type: 'person', name: 'Antony Blinken' },
        { start: 14, end: 16, type: 'person', name: 'Xi Jinping' },
        { start: 20, end: 27, type: 'place', name: 'Beijing' },
      ],
    ],
    ['not inside a longer word', 'Xiamen port reopens', [entity('person', 'Xi Jinping', ['Xi'])], []],
    [
      'the longer name where two overlap',
      'New York City Council votes',
      [entity('place', 'New York City'), entity('organization', 'New York City Council')],
      [{ start: 0, end: 21, type: 'organization', name: 'New York City Council' }],
    ],
  ])('finds %s', (_what, title, entities, expected) => {
    expect(findTitleMentions(title, entities)).toEqual(expected);
  });
});

describe('titleMentions through processArticle', () => {
  const page = (title: string) =>
    `<html><head><title>${title} | The Courier</title></head><body><article>` +
    '<p>Mayor Ann Lee of Springfield said on Monday that the new bridge would open next year, after years of delays.</p>' +
    '<p>Lee said the bridge cost $30 million and would carry 20,000 cars a day across the river.</p></article></body></html>';

  it("grounds the entities an HTML page's title names to spans of the title", () => {
    const result = processArticle(
      {
        id: 'page',
        bytes: encode(page('Ann Lee opens the Springfield bridge')),
        source: { contentType: 'text/html', bytes: 1 },
      },
      { now: fixedNow },
    );

    expect(result.title).toBe('Ann Lee opens the Springfield bridge');
    expect(result.titleMentions).toEqual([
      { start: 0, end: 7, type: 'person', name: 'Ann Lee' },
      { start: 18, end: 29, type: 'place', name: 'Springfield' },
    ]);
    for (const mention of result.titleMentions ?? []) {
      expect(
        result.facts.entities.some((found) => found.name === mention.name && found.type === mention.type),
      ).toBe(true);
    }
  });

  it('adds none for a text file, whose title line is part of the text and its facts', () => {
    const text =
      'Ann Lee opens the Springfield bridge\n\nMayor Ann Lee of Springfield said on Monday that the bridge would open next year.';
    const result = processArticle(
      { id: 'file', bytes: encode(text), source: { contentType: 'text/plain', bytes: 1 } },
      { now: fixedNow },
    );

    expect(result.text.startsWith(result.title ?? '-')).toBe(true);
    expect(result.titleMentions).toBeUndefined();
  });
});
