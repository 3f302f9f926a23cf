import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: sports reports that name a person by their place in a club. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Tom Harlow'],
  ['PER', 'Harlow'],
  ['PER', 'Dean Pryce'],
  ['PER', 'Pryce'],
  ['ORG', 'Rovers'],
  ['ORG', 'Millbrook Harbour Board'],
];

const attributions = attributionsWith(SURFACES);

describe('a person named by a role in an organisation', () => {
  it('gives "the Rovers manager" to the one person the article calls manager, not to the club', () => {
    const text =
      "Rovers manager Tom Harlow was pleased with the draw. 'We defended well for ninety minutes,' the Rovers manager said.";

    expect(attributions(text)).toEqual([['Tom Harlow', 'the Rovers manager']]);
  });

  it('keeps the description as written when the article calls no one by that role', () => {
    const text = "Pryce scored twice. 'It was a perfect afternoon for us,' the Rovers defender said.";

    expect(attributions(text)).toEqual([['Rovers defender', 'the Rovers defender']]);
  });

  it('still gives a spokesman to the organisation he speaks for', () => {
    const text = "'The pier will reopen in May,' a Millbrook Harbour Board spokesman said.";

    expect(attributions(text)).toEqual([['Millbrook Harbour Board', 'Millbrook Harbour Board']]);
  });
});

describe('a subject after a sentence whose stop was lost', () => {
  it('opens the subject at a capitalised article after a word that could not lead into it', () => {
    const text =
      'Harlow backed Pryce to stay at the club next season Rovers fans cheer The former Rovers defender added: ' +
      "'He is the best young player I have seen here.'";

    expect(attributions(text)).toEqual([['The former Rovers defender', 'The former Rovers defender']]);
  });
});
