import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: quotes reported by "email" and "speak". */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Holt'],
  ['PER', 'Holt'],
  ['PER', 'Carla'],
  ['ORG', 'Globe'],
];

const attributions = attributionsWith(SURFACES);

describe('"email" reports a quote', () => {
  it('after the quote, and before it through "that" or a colon', () => {
    expect(attributions('“The plan is a mistake,” Reyes emailed his staff, “and we will say so.”')).toEqual([
      ['Reyes', 'Reyes'],
      ['Reyes', 'Reyes'],
    ]);
    expect(attributions('Ann Reyes e-mailed that the plan was “a serious mistake.”')).toEqual([
      ['Ann Reyes', 'Ann Reyes'],
    ]);
    expect(attributions('Ann Reyes emailed reporters: “It is a mistake and we will fight it.”')).toEqual([
      ['Ann Reyes', 'Ann Reyes'],
    ]);
  });

  it('not for a name in marks after its object, nor for "emails" as a noun', () => {
    expect(
      attributions('Tom Holt emailed a friend, “Carla B.R. (fixer),” who ran a firm known as “Quiet Ears.”'),
    ).toEqual([[undefined, undefined]]);
    expect(
      attributions('The Reyes emails show the plan was “a serious mistake that cost millions.”'),
    ).toEqual([[undefined, undefined]]);
  });
});

describe('"wrote in an email", "told … in an email", "texted", "tweeted"', () => {
  it('are attributions as they stand', () => {
    const text =
      '“The plan is a mistake,” Ann Reyes wrote in an email. Tom Holt told the Globe in an email that it was ' +
      '“the right call.” “We will see,” Holt texted. Reyes tweeted: “Not on my watch.”';

    expect(attributions(text)).toEqual([
      ['Ann Reyes', 'Ann Reyes'],
      ['Tom Holt', 'Tom Holt'],
      ['Tom Holt', 'Holt'],
      ['Ann Reyes', 'Reyes'],
    ]);
  });
});

describe('"speak" reports a quote more weakly than a speech verb', () => {
  it('is the attribution when it is the only verb', () => {
    expect(attributions('Ann Reyes spoke of “a serious mistake” at the hearing.')).toEqual([
      ['Ann Reyes', 'Ann Reyes'],
    ]);
  });

  it('yields to a speech verb whose clause holds it', () => {
    expect(
      attributions('Tom Holt tweeted that Reyes spoke “movingly and with real force” about the plan.'),
    ).toEqual([['Tom Holt', 'Tom Holt']]);
  });
});
