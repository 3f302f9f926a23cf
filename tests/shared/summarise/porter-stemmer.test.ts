import { describe, expect, it } from 'vitest';
import { porterStem } from '#shared/summarise/porter-stemmer.ts';

describe('porterStem (NLTK ORIGINAL_ALGORITHM, as the checker runs it)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['dies', 'di'],
    ['flies', 'fli'],
    ['died', 'di'],
    ['spied', 'spi'],
    ['dying', 'dy'],
    ['skies', 'ski'],
    ['news', 'new'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['enjoy', 'enjoi'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['generalizations', 'gener'],
    ['hopefully', 'hopefulli'],
    ['controll', 'control'],
    ['archaeology', 'archaeologi'],
    ['friday', 'fridai'],
    ['possibly', 'possibli'],
    ['conformably', 'conform'],
    ['uses', 'us'],
  ])('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});
