import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: a narrator's own thoughts, beside a singer the sentence names. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Mara Quell'],
  ['PER', 'Tobias Wren'],
];

const attributions = attributionsWith(SURFACES);

describe('findQuotes: a narrator who remembers thinking', () => {
  it('does not give the narrator’s thought to the singer the sentence names', () => {
    const text =
      'As I listened to Mara Quell tell a boy on the radio that she only wants to share her heart with him, ' +
      'I remember thinking: “This woman is as lonely and lost as I am!”';

    expect(attributions(text).map(([speaker]) => speaker)).not.toContain('Mara Quell');
  });

  it('gives a he who kept saying the quote to the person he stands for', () => {
    const text =
      'Tobias Wren walked out of the hearing early. Outside, he kept saying “this is not over” to reporters.';

    expect(attributions(text)).toEqual([['Tobias Wren', 'he']]);
  });

  it('still reads "shared" with a possessive object as speech', () => {
    const text =
      'Mara Quell shared her story with the crowd: “I sang in bars for ten years before anyone listened.”';

    expect(attributions(text)).toEqual([['Mara Quell', 'Mara Quell']]);
  });
});
