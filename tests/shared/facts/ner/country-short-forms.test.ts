import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { COUNTRY_SHORT_FORMS } from '#shared/facts/ner/country-short-forms.ts';
import { knownNames } from '#shared/facts/ner/known-names.ts';

const SMALL_WORDS = new Set(['of', 'the', 'and', '&']);
const ALL_CAPS = /^\p{Lu}+$/u;

function initials(name: string): string | undefined {
  const words = name.split(/[\s-]+/u).filter((word) => word !== '' && !SMALL_WORDS.has(word.toLowerCase()));
  return words.length < 2 ? undefined : words.map((word) => word[0]?.toUpperCase()).join('');
}

describe('country short forms', () => {
  it('are the initials world-countries lists as spellings of each country', () => {
    const forms = new Set<string>();
    for (const country of countries) {
      const common = initials(country.name.common);
      const others = [country.name.official, ...country.altSpellings].map(initials);
      for (const spelling of country.altSpellings) {
        if (!ALL_CAPS.test(spelling)) continue;
        if (spelling === common || (spelling.length >= 3 && others.includes(spelling))) forms.add(spelling);
      }
    }

    expect([...COUNTRY_SHORT_FORMS].sort()).toEqual([...forms].sort());
  });

  it('are known places, with or without stops, in capitals only', () => {
    const known = knownNames();

    expect(['US', 'U.S.', 'UK', 'U.K.', 'USA', 'UAE'].every((name) => known.isPlace(name))).toBe(true);
    expect(known.isPlace('Us')).toBe(false);
    expect(known.isPlace('AP')).toBe(false);
  });
});
