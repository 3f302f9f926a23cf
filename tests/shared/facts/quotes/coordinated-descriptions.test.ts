import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: the words that name a speaker, and whom they stand for. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Parkinson'],
  ['PER', 'Parkinson'],
  ['ORG', 'Senate'],
  ['LOC', 'U.S.'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: a description of one person with two roles joined by "and"', () => {
  it('keeps "the former first lady and U.S. senator" whole after the quote', () => {
    const text = 'The forum went on late. “It was a mistake,” the former first lady and U.S. senator said.';

    expect(attributions(text)).toEqual([
      ['the former first lady and U.S. senator', 'the former first lady and U.S. senator'],
    ]);
  });

  it('resolves the whole description to the one person the article calls a senator', () => {
    const text =
      'Sen. Ann Reyes spoke at the forum. The former first lady and U.S. senator said it was “a mistake” ' +
      'to use a private server.';

    expect(attributions(text)).toEqual([['Ann Reyes', 'The former first lady and U.S. senator']]);
  });

  it('keeps a long description whole: "the former secretary of state and current presidential nominee"', () => {
    const text =
      'On the radio, the former secretary of state and current presidential nominee said she wanted to ' +
      'speak “directly to young voters.”';

    expect(attributions(text)).toEqual([
      [
        'the former secretary of state and current presidential nominee',
        'the former secretary of state and current presidential nominee',
      ],
    ]);
  });

  it('does not join two people: "the mayor and the governor"', () => {
    const text = 'The talks ended. “We will not sign it,” the new mayor and the governor said.';

    expect(attributions(text)[0]?.[1]).not.toBe('the new mayor and the governor');
  });

  it('does not join a role and a name: "the former mayor and Tom Parkinson"', () => {
    const text = 'The talks ended. “We will not sign it,” the former mayor and Tom Parkinson said.';

    expect(attributions(text)[0]?.[1]).not.toBe('the former mayor and Tom Parkinson');
  });
});

describe('findQuotes: an organisation inside a description is not the speaker', () => {
  it('does not give "the current Senate candidate" quote to the Senate', () => {
    const text = 'The race tightened. “We are closing the gap,” the current Senate candidate said.';

    expect(attributions(text)).toEqual([['the current Senate candidate', 'the current Senate candidate']]);
  });

  it('does not give a coordinated description with an organisation in it to the organisation', () => {
    const text =
      'The race tightened. “We are closing the gap,” the former state treasurer and current Senate candidate said.';

    expect(attributions(text)).toEqual([
      [
        'the former state treasurer and current Senate candidate',
        'the former state treasurer and current Senate candidate',
      ],
    ]);
  });
});
