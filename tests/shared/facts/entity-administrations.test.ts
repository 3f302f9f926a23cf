/**
 * A person's name before "administration" or "presidency" is that person ("the Clinton administration" as CoNLL
 * tags it), when the article's own evidence says it is a person's name. The tagged mentions reproduce what the
 * tagger may return on these sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import { entitiesOf, typeOf } from './tagged-mentions.ts';

describe('a name before "administration"', () => {
  it('is a person when its first word is a first name: "the George W. Bush administration"', () => {
    const text = 'Both officials served in the George W. Bush administration before joining the firm.';

    const entities = entitiesOf(text, [['ORG', 'George W. Bush']]);

    expect(typeOf(entities, 'George W. Bush')).toEqual(['person']);
  });

  it('is a person when the tagger reads the name as a person elsewhere: "a Harlow administration", then "Harlow said"', () => {
    const text =
      'Lobbyists expect a Harlow administration to cut tariffs. Harlow said on Tuesday that she would.';

    const administration = text.indexOf('Harlow');
    const said = text.indexOf('Harlow', administration + 1);
    const entities = buildEntities(text, [
      { type: 'ORG', start: administration, end: administration + 6, text: 'Harlow' },
      { type: 'PER', start: said, end: said + 6, text: 'Harlow' },
    ]);

    expect(typeOf(entities, 'Harlow')).toEqual(['person']);
  });

  it("stays an organisation without such evidence, or when the word is part of a body's name", () => {
    const text =
      'The Harlow administration said on Monday it would appeal. The Social Security Administration did not comment.';

    const entities = entitiesOf(text, [
      ['ORG', 'Harlow'],
      ['ORG', 'Social Security Administration'],
    ]);

    expect(typeOf(entities, 'Harlow')).toEqual(['organization']);
    expect(typeOf(entities, 'Social Security Administration')).toEqual(['organization']);
  });
});
