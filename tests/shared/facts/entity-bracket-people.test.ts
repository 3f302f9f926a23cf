/**
 * A person's name alone in brackets read as an organisation (session 23, issue 10): an actor after a character, a
 * songwriter after a song. Each case is text written for this test; the tagged mentions reproduce what the tagger
 * returned ("(Reuters)" taught it that a name in brackets is an organisation).
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf, typeOf } from './tagged-mentions.ts';

describe('a name alone in brackets', () => {
  it('is a person with a first name or initials, after a character, a role or "by"', () => {
    const text =
      'The film follows a cook and her rival, Marta Vell (P.J. Okonedo), who steals her recipes, until a ' +
      'stranger (Keira Dunmore) arrives. The closing song, "Salt Road" (by Irving Castell), is sung twice.';

    const entities = entitiesOf(text, [
      ['PER', 'Marta Vell'],
      ['ORG', 'P.J. Okonedo'],
      ['ORG', 'Keira Dunmore'],
      ['ORG', 'Irving Castell'],
    ]);

    expect(typeOf(entities, 'P.J. Okonedo')).toEqual(['person']);
    expect(typeOf(entities, 'Keira Dunmore')).toEqual(['person']);
    expect(typeOf(entities, 'Irving Castell')).toEqual(['person']);
  });

  it('stays an organisation without a first name, with a body’s last word, or as a club in a sports report', () => {
    const text =
      'The analyst Dana Roe (Harwick Sachs) and the lawyer Sam Lee (Jane Street Capital) were named. Ten ' +
      'players scored in the league season; the goalkeeper is Tom Hale (Crystal Palace).';

    const entities = entitiesOf(text, [
      ['PER', 'Dana Roe'],
      ['ORG', 'Harwick Sachs'],
      ['PER', 'Sam Lee'],
      ['ORG', 'Jane Street Capital'],
      ['PER', 'Tom Hale'],
      ['ORG', 'Crystal Palace'],
    ]);

    expect(typeOf(entities, 'Harwick Sachs')).toEqual(['organization']);
    expect(typeOf(entities, 'Jane Street Capital')).toEqual(['organization']);
    expect(typeOf(entities, 'Crystal Palace')).toEqual(['organization']);
  });
});
