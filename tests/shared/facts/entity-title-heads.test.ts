/**
 * A title word that opens an organisation's or a place's name ("Premier League", "General Electric", "King
 * County"): the tagger, which learned that a title comes before a person's name, tags the last word alone. The
 * tagged mentions reproduce what the tagger returned on these sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('a title word before a one-word name that ends names of bodies and places', () => {
  it('opens the name: "Premier League" is an organisation, not a person "League" with the role "Premier"', () => {
    const text =
      'Marlow finished fourth in the Premier League. The Premier League said it would review the goal.';

    const entities = entitiesOf(text, [
      ['ORG', 'Marlow'],
      ['PER', 'League'],
    ]);

    expect(typeOf(entities, 'Premier League')).toEqual(['organization']);
    expect(names(entities)).not.toContain('League');
    expect(entities.find((entity) => entity.name === 'Premier League')?.mentions).toHaveLength(2);
  });

  it('joins the title the tagger left out of a company and a county', () => {
    const text =
      'General Electric shares fell. Voters in King County (General Dynamics is based there) were split.';

    const entities = entitiesOf(text, [
      ['ORG', 'Electric'],
      ['LOC', 'County'],
      ['ORG', 'Dynamics'],
    ]);

    expect(typeOf(entities, 'General Electric')).toEqual(['organization']);
    expect(typeOf(entities, 'King County')).toEqual(['place']);
    expect(typeOf(entities, 'General Dynamics')).toEqual(['organization']);
  });

  it('keeps a person after a title, and a name after an honorific or after a lowercase word', () => {
    const text =
      'President Park met Chancellor Brandt. Mr. Park spoke. The new League formed. He joined the junior League.';

    const entities = entitiesOf(text, [
      ['PER', 'Park'],
      ['PER', 'Brandt'],
      ['ORG', 'League'],
    ]);

    expect(typeOf(entities, 'Park')).toEqual(['person']);
    expect(typeOf(entities, 'Brandt')).toEqual(['person']);
    expect(typeOf(entities, 'League')).toEqual(['organization']);
  });

  it('does not join across a line break, a comma or a name the tagger already ended there', () => {
    const text =
      'The Premier\nLeague fixture. He thanked the General, Union officials said. He met the Premier. League rules bar it.';

    const entities = entitiesOf(text, [
      ['ORG', 'League'],
      ['ORG', 'Union'],
    ]);

    expect(names(entities)).not.toContain('Premier League');
    expect(names(entities)).not.toContain('General Union');
    expect(names(entities).filter((name) => name.includes('Premier'))).toEqual([]);
  });
});
