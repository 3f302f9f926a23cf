import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/**
 * Sentences written for these tests. A speaker is a person or an organisation: never a date, an adverb, a word
 * capitalised only because it opens its sentence, a preposition's object, or the place a speaker is based in.
 */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['ORG', 'Corvane Holdings'],
  // A town the tagger typed as an organisation.
  ['ORG', 'Millbrook'],
  ['ORG', 'Dunmore'],
  ['PER', 'Ida Brandt'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: capitalised words that name no one', () => {
  it('gives no speaker to an adjective that opens its sentence', () => {
    const text =
      'The trial went on. Forensic reports shown to the jury described him as “a careful planner.”';

    expect(attributions(text)).toEqual([[undefined, undefined]]);
  });

  it('gives no speaker to a field of study that opens its sentence', () => {
    const text = 'Cardiology tells us that a “silent” heart attack is common among older patients.';

    expect(attributions(text)).toEqual([]);
  });

  it('gives no speaker to an adverb or an -ing form', () => {
    const text =
      'Nevertheless, officials on Monday had this to say: “We will rebuild the bridge before winter.”\n\n' +
      'Writing on his blog he repeated that “the bridge will open in spring.”';

    expect(attributions(text).map(([speaker]) => speaker)).not.toContain('Nevertheless');
    expect(attributions(text).map(([speaker]) => speaker)).not.toContain('Writing');
  });

  it('gives no speaker to a month', () => {
    const text =
      'A study in a journal in November argued that the reef was “beyond all hope of saving” by then.';

    expect(attributions(text)).toEqual([[undefined, undefined]]);
  });

  it('keeps a name the tagger missed, written capitalised inside a sentence too', () => {
    const text =
      'The new model was built with help from Velorex engineers. Velorex said the car was “a glimpse of ' +
      'what comes next.”';

    expect(attributions(text)).toEqual([['Velorex', 'Velorex']]);
  });

  it('keeps a transcript label in capitals and people named in the plural', () => {
    const text =
      'Part of the interview:\n\n“HOLT: Will you sign the bill this week?”\n\n' +
      'Protesters said they want “a fair deal for the port workers” and would march again.';

    expect(attributions(text)).toEqual([
      ['HOLT', 'HOLT'],
      ['Protesters', 'Protesters'],
    ]);
  });

  it('gives no speaker to the object of a preposition before the verb', () => {
    const text = 'The files presented in court portrayed the driver as “a danger to everyone.”';

    expect(attributions(text)).toEqual([[undefined, undefined]]);
  });
});

describe('findQuotes: where a speaker is based is not the speaker', () => {
  it('does not give the quote to the town of "the Millbrook, Ore.-based company"', () => {
    const text =
      'Corvane Holdings lost $4 million in the quarter.\n\n' +
      'A spokesman for the Millbrook, Ore.-based company said the charges were “unusual.”';

    const [speaker] = attributions(text)[0] ?? [];
    expect(speaker).not.toBe('Millbrook');
  });

  it('does not give the quote to the town of "a Dunmore-based group"', () => {
    const text = 'A Dunmore-based group said the plan was “a gift to developers.”';

    expect(attributions(text).map(([speaker]) => speaker)).not.toContain('Dunmore');
  });

  it('still gives the quote to an organisation written with where it is based after a comma', () => {
    const text = 'Corvane Holdings, based in Millbrook, said the results were “better than expected.”';

    expect(attributions(text)).toEqual([['Corvane Holdings', 'Corvane Holdings']]);
  });
});

describe('findQuotes: a name after where its holder is based', () => {
  it('gives the quote to the person after "Ohio-based"', () => {
    const text =
      '“The ruling changes everything for sellers,” noted Ohio-based trade lawyer Ida Brandt in an interview.';

    expect(attributions(text)).toEqual([['Ida Brandt', 'Ida Brandt']]);
  });
});
