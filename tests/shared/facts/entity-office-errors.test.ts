/**
 * An office written after "the" and a title word ("the Chief Whip") is no person's name (session 24, issue 10): the
 * tagger, which learned that a title comes before a surname, read the office's last word as a person. Each case is
 * text written for this test.
 */
import { describe, expect, it } from 'vitest';
import { processArticle } from '#shared/process-article.ts';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('an office after "the" and a title word', () => {
  it('gives no person, through processArticle', () => {
    const bytes = new TextEncoder().encode(
      "The party's Chief Whip told MPs to stay in Westminster. The vote was held on Tuesday.",
    );

    const { entities } = processArticle({
      id: 'office',
      bytes,
      source: { bytes: bytes.byteLength, key: 'a.txt' },
    }).facts;

    expect(typeOf(entities, 'Whip')).toEqual([]);
    expect(typeOf(entities, 'Westminster')).toEqual(['place']);
  });

  it('gives no person where the tagger read the last word as one', () => {
    const text = 'The Deputy Speaker suspended the sitting. Labour’s Chief Whip said the vote would wait.';

    const entities = entitiesOf(text, [
      ['PER', 'Speaker'],
      ['PER', 'Whip'],
      ['ORG', 'Labour'],
    ]);

    expect(names(entities)).toEqual(['Labour']);
  });

  it('leaves a person named in full with that word, a royal title and a title with no "the"', () => {
    const text =
      'The Queen Mother opened the ward. Emma Speaker, a nurse, met her. The Deputy Speaker thanked her. ' +
      'Chief Inspector Ruiz said the visit went well.';

    const entities = entitiesOf(text, [
      ['PER', 'Mother'],
      ['PER', 'Emma Speaker'],
      ['PER', 'Speaker'],
      ['PER', 'Ruiz'],
    ]);

    expect(typeOf(entities, 'Mother')).toEqual(['person']);
    expect(typeOf(entities, 'Emma Speaker')).toEqual(['person']);
    expect(typeOf(entities, 'Ruiz')).toEqual(['person']);
  });
});
