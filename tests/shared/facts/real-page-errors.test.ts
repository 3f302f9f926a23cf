/**
 * The entity errors a reader spotted on real pages (CNN, Wired, Time, Yonhap and the news fixtures), each
 * on a fixture written for this test. The tagged mentions reproduce what the tagger returned on the page,
 * so each case holds the rule that fixes it whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('entities on real pages', () => {
  it('types a news outlet as an organisation, not a place (CNN)', () => {
    const text = 'Washington (CNN) — The court heard the case. CNN has asked the court for the records.';

    const entities = entitiesOf(text, [
      ['LOC', 'Washington'],
      ['LOC', 'CNN'],
    ]);

    expect(typeOf(entities, 'CNN')).toEqual(['organization']);
  });

  it('gives one name one type in an article (Idaho as a place and a person)', () => {
    const text = 'Prelogar grew up in Boise, Idaho, and won the Miss Idaho title in 2004.';

    const entities = entitiesOf(text, [
      ['PER', 'Prelogar'],
      ['LOC', 'Boise'],
      ['LOC', 'Idaho,'],
      ['PER', 'Idaho title'],
    ]);

    expect(typeOf(entities, 'Idaho')).toEqual(['place']);
  });

  it('types places the tagger took for people as places (Trenton, Ben Gurion Airport)', () => {
    const text =
      'Alito, a Trenton, New Jersey, native, flew out of the country via Ben Gurion Airport, Mr. Levy said.';

    const entities = entitiesOf(text, [
      ['PER', 'Alito'],
      ['PER', 'Trenton'],
      ['LOC', 'New Jersey'],
      ['PER', 'Ben Gurion Airport'],
    ]);

    expect(typeOf(entities, 'Trenton')).toEqual(['place']);
    expect(typeOf(entities, 'Ben Gurion Airport')).toEqual(['place']);
  });

  it('types organisations the tagger took for places or people (Al-Haq, Elbit, Rafael, Rodong Sinmun)', () => {
    const text =
      'Monitoring is done by NGOs such as Al-Haq. The market grew thanks to companies producing ' +
      'surveillance systems, like Elbit, Candiru, and Rafael. "It is a provocation," the Rodong Sinmun said.';

    const entities = entitiesOf(text, [
      ['LOC', 'Al-Haq'],
      ['LOC', 'Elbit'],
      ['ORG', 'Candiru'],
      ['PER', 'Rafael'],
      ['PER', 'Rodong Sinmun'],
    ]);

    for (const name of ['Al-Haq', 'Elbit', 'Candiru', 'Rafael', 'Rodong Sinmun']) {
      expect(typeOf(entities, name), name).toEqual(['organization']);
    }
  });

  it('drops page furniture ("Ad Feedback", "Ticker", "Breaking News Emails")', () => {
    const text =
      'The justices heard the case on Monday.\n\nVideo Ad Feedback\n\nTicker\n\nBreaking News Emails\n\n' +
      'Justice Alito asked the first question.';

    const entities = entitiesOf(text, [
      ['PER', 'Ad Feedback'],
      ['ORG', 'Ticker'],
      ['ORG', 'Breaking News Emails'],
      ['PER', 'Alito'],
    ]);

    expect(names(entities)).toEqual(['Alito']);
  });

  it('drops interjections and capitalised phrases ("Tell Me", "Wait …", "Oh", "Silence")', () => {
    const text =
      'She was a guest on “Wait, Wait … Don’t Tell Me!” in 2019. Oh, it was fun, she said. ' +
      'Silence, then applause, Prelogar recalled.';

    const entities = entitiesOf(text, [
      ['PER', 'Wait …'],
      ['ORG', 'Tell Me'],
      ['ORG', 'Oh'],
      ['LOC', 'Silence'],
      ['PER', 'Prelogar'],
    ]);

    expect(names(entities)).toEqual(['Prelogar']);
  });

  it('does not make one place of two people joined by a hyphen ("Alito-Prelogar")', () => {
    const text = 'Samuel Alito questioned Elizabeth Prelogar. The Alito-Prelogar exchanges were tense.';

    const entities = entitiesOf(text, [
      ['PER', 'Samuel Alito'],
      ['PER', 'Elizabeth Prelogar'],
      ['LOC', 'Alito-Prelogar'],
    ]);

    expect(names(entities)).toEqual(['Elizabeth Prelogar', 'Samuel Alito']);
  });

  it('splits two organisations joined by "and" ("Harvard and University of North Carolina")', () => {
    const text =
      'The Harvard and University of North Carolina cases were decided in June. Harvard said it would ' +
      'comply, and the University of North Carolina did too.';

    const entities = entitiesOf(text, [
      ['ORG', 'Harvard and University of North Carolina'],
      ['ORG', 'Harvard'],
      ['ORG', 'University of North Carolina'],
    ]);

    expect(names(entities)).toEqual(['Harvard', 'University of North Carolina']);
    expect(entities.find((entity) => entity.name === 'Harvard')?.count).toBe(2);
  });

  it('does not take compass words for places ("North", "South")', () => {
    const text = 'North Korea blasted South Korea. The North said the South will pay a price.';

    const entities = entitiesOf(text, [
      ['LOC', 'North Korea'],
      ['LOC', 'South Korea'],
      ['LOC', 'North'],
      ['LOC', 'South'],
    ]);

    expect(names(entities)).toEqual(['North Korea', 'South Korea']);
  });

  it('merges a surname the tagger typed otherwise into the full name ("Loewenstein")', () => {
    const text =
      'It is a laboratory, says Antony Loewenstein, author of a book on the industry. ' +
      'It will be exported, says Loewenstein.';

    const entities = entitiesOf(text, [
      ['PER', 'Antony Loewenstein'],
      ['LOC', 'Loewenstein'],
    ]);

    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ type: 'person', name: 'Antony Loewenstein', count: 2 });
  });

  it('folds a dateline in capitals into the name ("SEOUL" and "Seoul")', () => {
    const text = 'SEOUL, Aug. 20 (Yonhap) -- North Korea warned Seoul on Tuesday.';

    const entities = entitiesOf(text, [
      ['LOC', 'SEOUL'],
      ['ORG', 'Yonhap'],
      ['LOC', 'North Korea'],
      ['LOC', 'Seoul'],
    ]);

    expect(entities.find((entity) => entity.name === 'Seoul')).toMatchObject({ type: 'place', count: 2 });
  });
});

describe('wire datelines', () => {
  it.each([
    ['SEOUL, Aug. 20 (Yonhap) -- North Korea blasted South Korea on Tuesday for the drill.', 'SEOUL'],
    ['LONDON, June 19 (Reuters) - Shares fell on Monday as investors took profits.', 'LONDON'],
    ['WASHINGTON (AP) — The Senate passed the bill late on Thursday after a long debate.', 'WASHINGTON'],
  ])('recognises the dateline of %j', (text, place) => {
    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.dateline).toBe(place);
  });
});
