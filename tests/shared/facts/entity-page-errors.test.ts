/**
 * Entity errors a reader spotted on real news pages in session 15 (business listings, event calendars, reference
 * lists, advice columns), each on text written for this test. The tagged mentions reproduce what the tagger
 * returned on the page, so each case holds the rule whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('a stock ticker after a name', () => {
  it('makes a company of a name read as a person or a place, in every mention, and of its first word', () => {
    const text =
      'Traders bought Brindle (NASDAQ: BRDL ) and Quarrow Foods (NYSE: QRW) on Monday. Brindle rose 4% ' +
      'while Quarrow said its yogurt sold well.';

    const entities = entitiesOf(text, [
      ['PER', 'Brindle'],
      ['LOC', 'Quarrow Foods'],
      ['PER', 'Quarrow'],
    ]);

    expect(typeOf(entities, 'Brindle')).toEqual(['organization']);
    expect(entities.find((entity) => entity.name === 'Brindle')?.count).toBe(2);
    expect(typeOf(entities, 'Quarrow Foods')).toEqual(['organization']);
    expect(typeOf(entities, 'Quarrow')).toEqual(['organization']);
  });

  it('does not touch a name without one', () => {
    const text = 'Ann Brindle (a trader since 2001) bought shares. Brindle said so.';

    const entities = entitiesOf(text, [['PER', 'Ann Brindle']]);

    expect(typeOf(entities, 'Ann Brindle')).toEqual(['person']);
  });
});

describe('a town before a state as AP style abbreviates it', () => {
  it('is a place where the tagger read an organisation ("the Stamford, Conn.-based company")', () => {
    const text =
      'The Plainfield, Conn.-based company sold its mills. Work moved from Plainfield, Conn., to Ohio.';

    const entities = entitiesOf(text, [
      ['ORG', 'Plainfield'],
      ['LOC', 'Ohio'],
    ]);

    expect(typeOf(entities, 'Plainfield')).toEqual(['place']);
  });

  it('is a place when the tagger read the town and its state as one organisation', () => {
    const text = 'Shares of the Danbrook, Mass., maker of valves rose.';

    const entities = entitiesOf(text, [['ORG', 'Danbrook, Mass.']]);

    expect(typeOf(entities, 'Danbrook, Mass.')).toEqual(['place']);
  });

  it('leaves a person named in full and an organisation by its last word', () => {
    const text = 'Gail Orme, Conn. native, runs Westfield University, Mass. since May.';

    const entities = entitiesOf(text, [
      ['PER', 'Gail Orme'],
      ['ORG', 'Westfield University'],
    ]);

    expect(typeOf(entities, 'Gail Orme')).toEqual(['person']);
    expect(typeOf(entities, 'Westfield University')).toEqual(['organization']);
  });
});

describe('"-based"', () => {
  it('makes an adjective of a name, not an organisation or a place', () => {
    const text = 'The Dunmore-based charity and a Conn.-based fund met.';

    const entities = entitiesOf(text, [
      ['ORG', 'Dunmore-based'],
      ['ORG', 'Conn.-based'],
    ]);

    expect(typeOf(entities, 'Dunmore-based')).toEqual(['other']);
    expect(typeOf(entities, 'Conn.-based')).toEqual(['other']);
  });

  it('splits a name the tagger ran across it, keeping what follows when it is a name of two words', () => {
    const text =
      'He spoke at the Kelso DC-based Center for Road Studies. The Kelso-based Harrow Freight Lines hired him.';

    const entities = entitiesOf(text, [
      ['LOC', 'Kelso DC-based Center'],
      ['LOC', 'Kelso-based Harrow Freight Lines'],
    ]);

    expect(typeOf(entities, 'Kelso DC-based')).toEqual(['other']);
    expect(typeOf(entities, 'Harrow Freight Lines')).toEqual(['organization']);
    expect(names(entities)).not.toContain('Center');
    expect(names(entities)).not.toContain('Kelso DC-based Center');
  });

  it('keeps a one-word name after it that the article writes alone', () => {
    const text = 'The Kelso-based Brindmark said profits rose. Brindmark makes parts.';

    const entities = entitiesOf(text, [
      ['PER', 'Kelso-based Brindmark'],
      ['PER', 'Brindmark'],
    ]);

    expect(entities.find((entity) => entity.name === 'Brindmark')?.count).toBe(2);
  });
});

describe('web platforms and device makers', () => {
  it('are organisations where the tagger read a person or a place', () => {
    const text = 'She posted it on Tumblr and Instagram, then bought a Lenovo laptop. Tumblr deleted it.';

    const entities = entitiesOf(text, [
      ['LOC', 'Tumblr'],
      ['PER', 'Instagram'],
      ['LOC', 'Lenovo'],
    ]);

    expect(typeOf(entities, 'Tumblr')).toEqual(['organization']);
    expect(typeOf(entities, 'Instagram')).toEqual(['organization']);
    expect(typeOf(entities, 'Lenovo')).toEqual(['organization']);
  });
});

describe('words that stand where no name does', () => {
  it('drops family words, the Internet and lone initials of a reference list', () => {
    const text =
      'From: Mom\n\nWhat she said: eat more. Dad agreed, and Grandma too. The Internet laughed.\n\n' +
      'Orlov, T., Penhale, K., and R. Madsen. A review of lung care.';

    const entities = entitiesOf(text, [
      ['ORG', 'Mom'],
      ['PER', 'Dad'],
      ['ORG', 'Grandma'],
      ['PER', 'Internet'],
      ['LOC', 'T.'],
      ['PER', 'K.'],
      ['PER', 'Orlov'],
      ['PER', 'R. Madsen'],
    ]);

    expect(names(entities)).toEqual(['Orlov', 'R. Madsen']);
  });

  it("drops a month's abbreviation opening a calendar line but keeps a first name written the same way", () => {
    const text =
      'Jan. 15-18: Boat Show, Civic Hall.\n\nJan. 20: Skate Night.\n\nJan Meyers, the organiser, said so.';

    const entities = entitiesOf(text, [
      ['ORG', 'Jan.'],
      ['PER', 'Jan Meyers'],
      ['LOC', 'Civic Hall'],
    ]);

    expect(names(entities)).toEqual(['Civic Hall', 'Jan Meyers']);
  });
});

describe('a list after a cue', () => {
  it('types the names after the ones the tagger missed ("companies like Elbit, Candiru and Rafael")', () => {
    const text = 'Profits went to firms making drones, like Varrow, Quendel, and Ostrix, as well as others.';

    const entities = entitiesOf(text, [
      ['PER', 'Quendel'],
      ['LOC', 'Ostrix'],
    ]);

    expect(typeOf(entities, 'Quendel')).toEqual(['organization']);
    expect(typeOf(entities, 'Ostrix')).toEqual(['organization']);
  });

  it('does not type a list with no cue before it', () => {
    const text = 'Guests like sun. Varrow, Quendel, and Ostrix came.';

    const entities = entitiesOf(text, [['PER', 'Quendel']]);

    expect(typeOf(entities, 'Quendel')).toEqual(['person']);
  });
});

describe('laws and towns written with their state', () => {
  it('makes an other of a law or a treaty read as a person or a place', () => {
    const text = 'Banks fought the Brandle Rule and the Oslo Water Accord for years.';

    const entities = entitiesOf(text, [
      ['PER', 'Brandle Rule'],
      ['LOC', 'Oslo Water Accord'],
    ]);

    expect(typeOf(entities, 'Brandle Rule')).toEqual(['other']);
    expect(typeOf(entities, 'Oslo Water Accord')).toEqual(['other']);
  });

  it('makes a place of a known town read as an organisation before a state written in full', () => {
    const text = 'He added 80 jobs to his Tucson, Arizona, contracting company.';

    const entities = entitiesOf(text, [
      ['ORG', 'Tucson'],
      ['LOC', 'Arizona'],
    ]);

    expect(typeOf(entities, 'Tucson')).toEqual(['place']);
  });

  it('leaves a company before a state, and a company named after its town that speaks', () => {
    const text =
      'Quillan, New Mexico, rents audio gear. The Brelton, Conn., maker of cutlery rose. Brelton said sales grew.';

    const entities = entitiesOf(text, [
      ['ORG', 'Quillan'],
      ['LOC', 'New Mexico'],
      ['ORG', 'Brelton'],
    ]);

    expect(typeOf(entities, 'Quillan')).toEqual(['organization']);
    expect(typeOf(entities, 'Brelton')).toEqual(['organization']);
  });
});

describe('family words after a capitalised word', () => {
  it('are kept as the last word of a name ("the Queen Mother")', () => {
    const text = 'Staff of the Queen Mother spoke. Fans cheered for Big Daddy.';

    const entities = entitiesOf(text, [
      ['PER', 'Mother'],
      ['PER', 'Daddy'],
    ]);

    // "Big", left out by the tagger, is joined to its name (session 22); "Queen" is a title and stays out.
    expect(names(entities)).toEqual(['Big Daddy', 'Mother']);
  });
});
