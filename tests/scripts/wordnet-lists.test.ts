import { describe, expect, it } from 'vitest';
import { taggedWords, wordNetLists } from '../../scripts/wordnet-lists.ts';

describe('wordNetLists', () => {
  const lists = wordNetLists();

  it('lists capitalised noun.group lemmas as groups, instances or not', () => {
    expect(lists.group).toEqual(expect.arrayContaining(['NASA', 'Scientology', 'Church of Scientology']));
  });

  it('lists instances of noun.location and noun.object as places, and not the kinds of place', () => {
    expect(lists.place).toEqual(expect.arrayContaining(['Niamey', 'Tamil Nadu', 'Lake Victoria']));
    expect(lists.place).not.toContain('North American country');
  });

  it('takes no lower-case lemma as a name', () => {
    for (const names of Object.values(lists))
      expect(names.every((name: string) => /^\p{Lu}/u.test(name))).toBe(true);
  });
});

describe('taggedWords', () => {
  it('lists single lower-case lemmas seen in the sense-tagged corpus, not rare or multi-word ones', () => {
    const words = new Set(taggedWords());

    expect(words.has('wave')).toBe(true);
    expect(words.has('enterprise')).toBe(true);
    expect(words.has('stardust')).toBe(false);
    expect(words.has('ice cream')).toBe(false);
  });
});
