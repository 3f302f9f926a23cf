import { isDemonym } from '../lexicon/nationalities.ts';
import { type Clues, type SwitchForm, type WordTable, wordLists } from '../lexicon/word-lists.ts';
import { startsUppercase, startsWithLetter, startsWithNumber } from './first-letter.ts';
import { isAdjective, singular } from './plural.ts';

/**
 * Noun or verb, for the words of a key-phrase candidate, from compromise's lexicon and its own context clues
 * (word-lists.ts, `npm run build:word-lists`), without loading compromise's tagger. compromise knows some
 * words only as verb forms (`scream`, `retire`) and some as a noun or a verb by context (`stop`, `work`, `plans`);
 * its clues read the neighbours in the order compromise does: the next word, the previous word, the previous
 * word's tag, the next word's tag (`who stop work`: a verb; `the work`: a noun; `arrest the man`: a verb).
 */

type Reading = 'noun' | 'verb';

interface WordClasses {
  readonly verbs: ReadonlySet<string>;
  readonly verbLikeNouns: ReadonlySet<string>;
  readonly switches: ReadonlyMap<string, string>;
  readonly functionTags: ReadonlyMap<string, string>;
  /** Every word canBeVerb accepts, in one set: most words are neither, and one lookup tells. */
  readonly verbForms: ReadonlySet<string>;
  readonly clues: Readonly<Record<SwitchForm, Clues>>;
}

let classes: WordClasses | undefined;

/**
 * The lexicon's sets, built on first use rather than at import: a process that never reads a key phrase (an HTTP
 * call, a non-English article) does not pay for them, and a cold start's module init leaves them to the first article.
 */
const wordClasses = (): WordClasses => classes ?? buildWordClasses();

/** Builds the sets, apart from wordClasses so that the accessor, called for every word, stays small enough to inline. */
function buildWordClasses(): WordClasses {
  const lists = wordLists();
  const verbs = new Set(lists.verbs);
  const switches = new Map(Object.entries(lists.switches));
  classes = {
    verbs,
    verbLikeNouns: new Set(lists.verbLikeNouns),
    switches,
    functionTags: new Map(Object.entries(lists.functionTags)),
    verbForms: new Set([...verbs, ...switches.keys()]),
    clues: lists.clues,
  };
  return classes;
}

/** Tags of the words that open a verb's object (`arrest the man`, `arrest him`). */
const OBJECT_TAGS = new Set(['Determiner', 'Possessive', 'Pronoun', 'Reflexive']);

/** The tag compromise's clues would see on a neighbouring token; undefined for punctuation or nothing. */
export function tagOf(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (startsWithNumber(token)) return 'Value';
  if (!startsWithLetter(token)) return undefined;
  const word = token.toLowerCase();
  const { functionTags, verbs, verbLikeNouns } = wordClasses();
  const functionTag = functionTags.get(word);
  if (functionTag !== undefined) return functionTag;
  if (isDemonym(word)) return 'Demonym';
  if (startsUppercase(token)) return 'ProperNoun';
  if (verbs.has(word)) return word.endsWith('s') ? 'PresentTense' : 'Infinitive';
  if (isAdjective(word)) return 'Adjective';
  if (isAdverb(word)) return 'Adverb';
  if (!verbLikeNouns.has(word)) {
    if (word.endsWith('ing')) return 'Gerund';
    if (word.endsWith('ed')) return 'PastTense';
  }
  return singular(word) === word ? 'Noun' : 'Plural';
}

/**
 * `certainly`, `happily`, `simply`, `very`: an adverb, never part of a key phrase. An adverb in -ly is made from
 * an adjective compromise knows (`certain`, `happy`, `simple`); `family`, `friendly` and `assembly` are not.
 */
export function isAdverb(word: string): boolean {
  const lower = word.toLowerCase();
  const { functionTags, verbLikeNouns } = wordClasses();
  if (!lower.endsWith('ly')) return functionTags.get(lower) === 'Adverb';
  if (functionTags.get(lower) === 'Adverb') return true;
  if (isAdjective(lower) || verbLikeNouns.has(lower)) return false;
  const stem = lower.slice(0, -2);
  return [stem, `${stem.slice(0, -1)}y`, `${stem}e`, stem.slice(0, -2)].some(
    (candidate) => candidate.length > 2 && isAdjective(candidate),
  );
}

/** `meeting`, `building`, `family`: a noun that ends like a verb form or an adverb. */
export function isVerbLikeNoun(word: string): boolean {
  return wordClasses().verbLikeNouns.has(word.toLowerCase());
}

/** `push`, `scream`, `reports`: a word compromise's lexicon knows as a verb form, alone or beside a noun. */
export function canBeVerb(word: string): boolean {
  return wordClasses().verbForms.has(word);
}

/** Where a word sits in a candidate phrase, with the tokens around it in the sentence. */
export interface WordContext {
  readonly previous: string | undefined;
  readonly next: string | undefined;
  /** The previous token is a content word of the same candidate (`child` before `scream`). */
  readonly afterContentWord: boolean;
  /** The candidate is the object of a perception or causing verb (`heard the child scream`, `made the man cry`). */
  readonly afterPerceptionVerb?: boolean;
}

/** Verbs whose object is followed by a bare verb (`heard the child scream`, `let the dog run`). */
const PERCEPTION_VERBS = new Set(
  'hear hears heard see sees saw seen watch watches watched make makes made let lets help helps helped feel feels felt notice noticed'.split(
    ' ',
  ),
);

/** Whether the determiner before `index` follows a perception or causing verb: `heard [the] child scream`. */
export function followsPerceptionVerb(tokens: readonly string[], index: number): boolean {
  if (!PERCEPTION_VERBS.has(tokens[index - 2]?.toLowerCase() ?? '')) return false;
  const determiner = tagOf(tokens[index - 1]);
  return determiner === 'Determiner' || determiner === 'Possessive';
}

/**
 * Whether `word` reads as a verb where it stands. A word compromise knows only as a noun, adjective or name is
 * a noun. Inside a candidate, after another content word, a word is a noun (`peace deal`, `text messages`,
 * `fire exit`) unless an object follows it (`police arrest the man`) or, for a word compromise knows only as a
 * verb, the candidate is the object of a perception verb (`heard the child scream`). At a candidate's start
 * compromise's clues decide (`who stop work`).
 */
export function readsAsVerb(word: string, context: WordContext): boolean {
  const lower = word.toLowerCase();
  const { switches, verbs, clues: cluesByForm } = wordClasses();
  const switchForm = switches.get(lower) as SwitchForm | undefined;
  const verbOnly = switchForm === undefined && verbs.has(lower);
  if (switchForm === undefined && !verbOnly) return false;
  const clues = cluesByForm[switchForm ?? (lower.endsWith('s') ? 'Plural|Verb' : 'Noun|Verb')];
  const next = context.next?.toLowerCase();
  const byNextWord = next === undefined ? undefined : clues.afterWords[next];
  if (context.afterContentWord) {
    // Only an object marks a verb here (`court documents that ...`, `text messages within ...` stay nouns),
    // or a perception verb before the phrase (`heard the child scream`).
    const objectFollows = byNextWord === 'verb' && OBJECT_TAGS.has(tagOf(context.next) ?? '');
    return objectFollows || (verbOnly && context.afterPerceptionVerb === true && byNextWord !== 'noun');
  }
  const previous = context.previous?.toLowerCase();
  const reading =
    byNextWord ??
    (previous === undefined ? undefined : clues.beforeWords[previous]) ??
    readingByTag(clues.beforeTags, context.previous) ??
    readingByTag(clues.afterTags, context.next);
  return (reading ?? (verbOnly ? 'verb' : 'noun')) === 'verb';
}

function readingByTag(table: WordTable, token: string | undefined): Reading | undefined {
  const tag = tagOf(token);
  return tag === undefined ? undefined : (table[tag] as Reading | undefined);
}
