/**
 * Entity errors a reader spots on real pages and articles (session 20, issue 10): nationalities in the plural read
 * as places or organisations, a company's short name read apart from its full name, a wire's instrument code, a
 * state's abbreviation, a car and a name's common noun read as people (the last three gave a "he" or a quote to
 * no person). Each case is text written for this test; the tagged mentions reproduce what the tagger returned, so
 * each case holds the rule whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { isNationalityPlural } from '#shared/facts/entity-nationalities.ts';
import { knownNames } from '#shared/facts/ner/known-names.ts';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('a nationality in the plural', () => {
  it('is an other where the tagger read a place or an organisation', () => {
    const text =
      'Israelis and Palestinians met in Cairo. Many Brits stayed home, and three South Koreans were hurt.';

    const entities = entitiesOf(text, [
      ['ORG', 'Israelis'],
      ['LOC', 'Brits'],
      ['LOC', 'South Koreans'],
      ['LOC', 'Cairo'],
    ]);

    expect(typeOf(entities, 'Israelis')).toEqual(['other']);
    expect(typeOf(entities, 'Brits')).toEqual(['other']);
    expect(typeOf(entities, 'South Koreans')).toEqual(['other']);
    expect(typeOf(entities, 'Cairo')).toEqual(['place']);
  });

  it('stays a team in a sports report', () => {
    const text =
      'The Texans scored twice in the second half. The coach said the season was not over, and the Texans led the league.';

    const entities = entitiesOf(text, [['ORG', 'Texans']]);

    expect(typeOf(entities, 'Texans')).toEqual(['organization']);
  });

  it('is not a country named in the plural, nor a name of two words that is no region’s people', () => {
    const known = knownNames();

    expect(isNationalityPlural('Germans', known)).toBe(true);
    expect(isNationalityPlural('North Africans', known)).toBe(true);
    expect(isNationalityPlural('Philippines', known)).toBe(false);
    expect(isNationalityPlural('Young Americans', known)).toBe(false);
    expect(isNationalityPlural('Rangers', known)).toBe(false);
  });
});

describe('a company’s short name', () => {
  it('is the company named in full with company words after it', () => {
    const text =
      'Quarlin Systems won a contract on Monday. Quarlin said the deal was worth $30 million. Shares of Quarlin rose.';

    const entities = entitiesOf(text, [
      ['ORG', 'Quarlin Systems'],
      ['ORG', 'Quarlin'],
    ]);

    expect(names(entities)).toEqual(['Quarlin Systems']);
    expect(entities[0]?.aliases).toEqual(['Quarlin']);
  });

  it('is the company where the tagger read a person or a place', () => {
    const text =
      'Harlow International Corp. cut 40 jobs. In 2009, Harlow employed 600 people. Harlow builds offices in Tulsa.';

    const entities = entitiesOf(text, [
      ['ORG', 'Harlow International Corp.'],
      ['PER', 'Harlow'],
      ['LOC', 'Tulsa'],
    ]);

    expect(typeOf(entities, 'Harlow International Corp.')).toEqual(['organization']);
    expect(typeOf(entities, 'Harlow')).toEqual([]);
  });

  it('stays the person named in full that bears it', () => {
    const text =
      'Mina Harlow founded Harlow International Corp. in 1990. Harlow said she would retire next year.';

    const entities = entitiesOf(text, [
      ['ORG', 'Harlow International Corp.'],
      ['PER', 'Mina Harlow'],
      ['PER', 'Harlow'],
    ]);

    expect(typeOf(entities, 'Mina Harlow')).toEqual(['person']);
    expect(entities.find((entity) => entity.name === 'Mina Harlow')?.aliases).toEqual(['Harlow']);
  });

  it('makes a company of a name read as a person that ends in a company word', () => {
    const text =
      'Tamsin Biosciences raised $40 million from Orrin Partners. Tamsin Biosciences said it would hire.';

    const entities = entitiesOf(text, [
      ['PER', 'Tamsin Biosciences'],
      ['PER', 'Orrin Partners'],
    ]);

    expect(typeOf(entities, 'Tamsin Biosciences')).toEqual(['organization']);
    expect(typeOf(entities, 'Orrin Partners')).toEqual(['organization']);
  });

  it('takes its short name along where the tagger read both as a person', () => {
    const text =
      'Velkor S.A. bought a plant in Lyon. Velkor said the plant would close. Velkor employs 900 people.';

    const entities = entitiesOf(text, [
      ['PER', 'Velkor S.A.'],
      ['PER', 'Velkor'],
      ['LOC', 'Lyon'],
    ]);

    expect(typeOf(entities, 'Velkor S.A.')).toEqual(['organization']);
    expect(entities.find((entity) => entity.name === 'Velkor S.A.')?.aliases).toEqual(['Velkor']);
  });

  it('is not a nationality the company is named after', () => {
    const text = 'Two Malaysian officials flew to Perth. Malaysian Airlines said the flight was delayed.';

    const entities = entitiesOf(text, [
      ['MISC', 'Malaysian'],
      ['ORG', 'Malaysian Airlines'],
    ]);

    expect(typeOf(entities, 'Malaysian')).toEqual(['other']);
  });
});

describe('a wire’s instrument code', () => {
  it('makes a company of the name before it', () => {
    const text =
      'Builders gained, with Brenholt Infratech (BRNH.NS) adding 3 percent while Ostrava (OSTV.PR) fell.';

    const entities = entitiesOf(text, [
      ['PER', 'Brenholt Infratech'],
      ['LOC', 'Ostrava'],
    ]);

    expect(typeOf(entities, 'Brenholt Infratech')).toEqual(['organization']);
    expect(typeOf(entities, 'Ostrava')).toEqual(['organization']);
  });
});

describe('a state’s abbreviation after a town', () => {
  it('is a place, never a person', () => {
    const text =
      'A truck jackknifed near Fenwick, Colo. A car slid under it, and the driver of the car was hurt.';

    const entities = entitiesOf(text, [
      ['LOC', 'Fenwick'],
      ['PER', 'Colo.'],
    ]);

    expect(typeOf(entities, 'Colo.')).toEqual(['place']);
  });
});

describe('a car read as a person', () => {
  it('is an other when a maker’s name opens it', () => {
    const text = 'The men fled in a stolen Dodge Charger. Police found the Dodge Charger in a field.';

    const entities = entitiesOf(text, [['PER', 'Dodge Charger']]);

    expect(typeOf(entities, 'Dodge Charger')).toEqual(['other']);
  });

  it('stays a person whose first name is a maker’s', () => {
    const text = 'Mercedes Lugo said she was thrilled. Lugo has coached for ten years.';

    const entities = entitiesOf(text, [
      ['PER', 'Mercedes Lugo'],
      ['PER', 'Lugo'],
    ]);

    expect(typeOf(entities, 'Mercedes Lugo')).toEqual(['person']);
  });
});

describe('a name’s common noun alone', () => {
  it('is no person when the article writes it in lower case too', () => {
    const text =
      'Harbin Valley Zoo reopened, and the zoo drew crowds. Zoo visitor Ada Brill said she was thrilled.';

    const entities = entitiesOf(text, [
      ['ORG', 'Harbin Valley Zoo'],
      ['PER', 'Zoo'],
      ['PER', 'Ada Brill'],
    ]);

    expect(names(entities)).toEqual(['Ada Brill', 'Harbin Valley Zoo']);
  });

  it('stays a person who is named in full', () => {
    const text = 'Tomas Hall runs Brook Hall, and the hall was full. Hall said he was pleased with the fair.';

    const entities = entitiesOf(text, [
      ['LOC', 'Brook Hall'],
      ['PER', 'Tomas Hall'],
      ['PER', 'Hall'],
    ]);

    expect(typeOf(entities, 'Tomas Hall')).toEqual(['person']);
    expect(entities.find((entity) => entity.name === 'Tomas Hall')?.count).toBe(2);
  });
});
