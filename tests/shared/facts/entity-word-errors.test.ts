/**
 * Entity errors a reader spots on real pages (session 22, issue 10): a continent read as a person, an abbreviation in
 * the plural shown as a name, and a club's name cut to its last word. Each case is text written for this test; the
 * tagged mentions reproduce what the tagger returned, so each case holds the rule whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('a country or a continent read as a person', () => {
  it('is the place', () => {
    const text =
      'As the storm moved across southeast Asia, ferries stopped running. Officials said Asia had not seen such ' +
      'rain in a decade.';

    const entities = entitiesOf(text, [['PER', 'Asia']]);

    expect(typeOf(entities, 'Asia')).toEqual(['place']);
  });

  it('stays the person named in full, and a name written where a person stands', () => {
    const festival =
      'The film-maker Lena Jordan opened the festival on Friday. Jordan thanked the crew and the town.';
    const speaker = 'Asked about the delay, Jordan said the crew would return in spring.';

    const inFestival = entitiesOf(festival, [
      ['PER', 'Lena Jordan'],
      ['PER', 'Jordan'],
    ]);
    const withSpeaker = entitiesOf(speaker, [['PER', 'Jordan']]);

    expect(typeOf(inFestival, 'Lena Jordan')).toEqual(['person']);
    expect(names(inFestival)).toEqual(['Lena Jordan']);
    expect(typeOf(withSpeaker, 'Jordan')).toEqual(['person']);
  });
});

describe('an abbreviation in the plural', () => {
  it('is no name, whatever the tagger read', () => {
    const text =
      'Relief work is done by NGOs such as Tamsin Aid. Teachers feared the new GCSEs would be harder, and the ' +
      'ATMs of the town ran dry.';

    const entities = entitiesOf(text, [
      ['PER', 'NGOs'],
      ['ORG', 'Tamsin Aid'],
      ['ORG', 'GCSEs'],
      ['LOC', 'ATMs'],
    ]);

    expect(names(entities)).toEqual(['Tamsin Aid']);
  });
});

describe('a first word the tagger left out of a name', () => {
  it('is joined when the article writes the name after the same word every time', () => {
    const text =
      'Dunmere (home to Kelvale) and Marsh Green (home to Ashby) will be promoted if they win. Kelvale need a ' +
      'point and hope Marsh Green fail to win.';

    const entities = entitiesOf(text, [
      ['ORG', 'Dunmere'],
      ['LOC', 'Kelvale'],
      ['PER', 'Green'],
      ['LOC', 'Ashby'],
    ]);

    expect(names(entities)).toContain('Marsh Green');
    expect(names(entities)).not.toContain('Green');
  });

  it('is not joined after a title, at a sentence’s start, in a heading or where the name stands alone too', () => {
    const text =
      'Flopping Is Threatening To Destroy Ravel, a reader wrote. The visit of President Okafor was short. Okafor met Inspector ' +
      'Bellamy, and Bellamy said the plan of Bill Tarrant, known as the Crime Bill, would pass. Lady Garnet ' +
      'left early; Garnet was tired.';

    const entities = entitiesOf(text, [
      ['LOC', 'Ravel'],
      ['PER', 'Okafor'],
      ['PER', 'Bellamy'],
      ['PER', 'Bill Tarrant'],
      ['PER', 'Bill'],
      ['PER', 'Garnet'],
    ]);

    expect(names(entities)).toEqual(['Bellamy', 'Bill Tarrant', 'Garnet', 'Okafor', 'Ravel']);
  });
});

describe('a club after a result named by its score', () => {
  it('is an organisation in a sports report, where the tagger read a person', () => {
    const text =
      'The striker was sent off in the 5-3 defeat by Kelvale, and the coach said the league season was far from ' +
      'over. Kelvale scored twice before half-time.';
    const politics = 'After the 52-48 defeat by Whitcombe in the primary, the county clerk resigned.';

    const entities = entitiesOf(text, [['PER', 'Kelvale']]);
    const inPolitics = entitiesOf(politics, [['PER', 'Whitcombe']]);

    expect(typeOf(entities, 'Kelvale')).toEqual(['organization']);
    expect(typeOf(inPolitics, 'Whitcombe')).toEqual(['person']);
  });
});
