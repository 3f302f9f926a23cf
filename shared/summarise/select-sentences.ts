import { type Sentence, splitSentences } from '../sentences/split-sentences.ts';
import { bestSubset, type Limits } from './best-subset.ts';
import { assessEach, type Rejection } from './candidates.ts';
import { dependsOnPrevious } from './openers.ts';
import { DEFAULT_SUMMARY_SENTENCES, SUMMARY_SENTENCES_RANGE, type SummaryLength } from './summary-length.ts';
import {
  type ArticleWords,
  articleWords,
  SUMMARY_MODEL,
  type SummaryModel,
  wordProbability,
} from './word-model.ts';

/**
 * Sentence selection as expected-ROUGE maximisation. Every word of the article gets the probability that a
 * reader's summary uses it (word-model.ts). Candidates are the first sentences of the article that pass the
 * filters (candidates.ts). For a number of sentences, the summary is the set of that many candidates that
 * maximises 2 x (expected words covered) / (summary words + expected summary length), an estimate of
 * ROUGE-1 F1: a word already covered earns nothing twice, which keeps out redundant sentences, and the length
 * term keeps out long sentences that add little. For a word budget it is the set that covers the most
 * expected words within the budget. A sentence that opens leaning on the one before it (`He said…`,
 * `But…`) is only chosen together with that one. Sentences are returned verbatim, in text order.
 */

export interface SelectionOptions extends SummaryLength {
  /** The page's standfirst (dek), which stands in the text but is not the story: never a candidate. */
  readonly standfirst?: string;
  /** Paragraphs that stand in the text but are not the story's prose (tweets, footnotes): never candidates. */
  readonly asides?: readonly string[];
}

export interface Selection {
  /** Chosen sentences in text order. */
  readonly sentences: Sentence[];
  /** The lede: the first candidate that stands on its own, the news story in one sentence (for the headline). */
  readonly lede?: Sentence;
}

interface Candidate {
  readonly sentence: Sentence;
  /** Index of the sentence in the article. */
  readonly index: number;
  /** How many words the word model sees in it. */
  readonly tokenCount: number;
  /** Each distinct one of those words once, in order of first use, by its number in the article (ArticleWords). */
  readonly types: Int32Array;
  readonly words: number;
  /** Whether it needs the article's previous sentence beside it to be understood. */
  readonly dependent: boolean;
}

/** Sentences a word budget leaves room for, at a typical news sentence length, to size the candidate pool. */
const TYPICAL_SENTENCE_WORDS = 20;
/** Candidates beyond the number of sentences wanted, at least. */
const SPARE_CANDIDATES = 3;

/** Rejected sentences that still read as sentences: they fill in when an article has too few others. */
const FILLERS: ReadonlySet<Rejection> = new Set(['question', 'too-short', 'too-long', 'quote-fragment']);

/** A sentence chosen as a candidate, with its index in the article and its words. */
interface PoolEntry {
  readonly sentence: Sentence;
  readonly index: number;
  readonly words: number;
}

/**
 * The first `window` sentences that pass the filters; rejected ones that still read as sentences (FILLERS)
 * fill in, in text order, only when the article has too few for `wanted`. Captions, labels, headings and
 * fragments never do: a shorter summary beats one that is not from the article's prose.
 */
function candidateSentences(
  sentences: readonly Sentence[],
  wanted: number,
  window: number,
  outsideStory: (sentence: Sentence) => boolean,
) {
  const accepted: PoolEntry[] = [];
  const rejected: PoolEntry[] = [];
  let index = 0;
  for (const assessed of assessEach(sentences)) {
    const entry = { sentence: assessed.sentence, index, words: assessed.words };
    index += 1;
    if (outsideStory(assessed.sentence)) continue;
    if (assessed.rejection === undefined) accepted.push(entry);
    else if (FILLERS.has(assessed.rejection)) rejected.push(entry);
    if (accepted.length >= window) return accepted;
  }
  if (accepted.length >= wanted) return accepted;
  return [...accepted, ...rejected.slice(0, wanted - accepted.length)].sort((a, b) => a.index - b.index);
}

/**
 * Expected words of a reader's summary a set covers: each word type once, at its probability (by word number),
 * added in the order the set uses them. The scorer marks a word it has counted with the number of the set it is
 * counting, so that no set needs a fresh collection.
 */
function expectedHitsScorer(probabilities: Float64Array): (set: readonly Candidate[]) => number {
  const countedFor = new Uint32Array(probabilities.length);
  let setNumber = 0;
  return (set) => {
    setNumber += 1;
    let hits = 0;
    for (const candidate of set) {
      const types = candidate.types;
      for (let index = 0; index < types.length; index++) {
        const id = types[index] as number;
        if (countedFor[id] === setNumber) continue;
        countedFor[id] = setNumber;
        hits += probabilities[id] as number;
      }
    }
    return hits;
  };
}

/**
 * The distinct words of each pool entry in order of first use, and the probability of each of them (by word
 * number; words of no candidate are left at 0, never read).
 */
function poolWords(
  pool: readonly PoolEntry[],
  article: ArticleWords,
  model: SummaryModel,
): { types: Int32Array[]; probabilities: Float64Array } {
  const probabilities = new Float64Array(article.words.length);
  /** The pool entry (numbered from 1) that last used each word. */
  const usedBy = new Uint32Array(article.words.length);
  const scored = new Uint8Array(article.words.length);
  const types = pool.map(({ index }, entry) => {
    const ids = article.sentences[index] ?? [];
    const distinct: number[] = [];
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position] as number;
      if (usedBy[id] === entry + 1) continue;
      usedBy[id] = entry + 1;
      distinct.push(id);
      if (scored[id] === 0) {
        scored[id] = 1;
        probabilities[id] = wordProbability(article, id, model);
      }
    }
    return Int32Array.from(distinct);
  });
  return { types, probabilities };
}

function tokenCount(set: readonly Candidate[]): number {
  let count = 0;
  for (const candidate of set) count += candidate.tokenCount;
  return count;
}

/**
 * Every sentence that leans on the one before it comes with that one. (Loops rather than every/some: this runs
 * for every set the search visits.) A set of candidates in text order that fails this fails it still with later
 * candidates added, as bestSubset requires of isAllowed.
 */
function keepsReferents(set: readonly Candidate[]): boolean {
  for (const candidate of set) {
    if (!candidate.dependent) continue;
    let found = false;
    for (const other of set) {
      if (other.index === candidate.index - 1) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

const wordsOf = (candidate: Candidate) => candidate.words;

/** The sentence limit a length implies: as asked, the default, or as many as a word budget could hold. */
function sentenceLimit(length: SummaryLength): number {
  if (length.sentences !== undefined) return length.sentences;
  if (length.words === undefined) return DEFAULT_SUMMARY_SENTENCES;
  return Math.min(SUMMARY_SENTENCES_RANGE.max, Math.ceil(length.words / TYPICAL_SENTENCE_WORDS));
}

const foldWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Whether a sentence stands in the text without being the story's: part of the standfirst, or a sentence of an
 * aside (looked up by its text, so a page of many embedded posts costs one pass over them).
 */
function outsideStoryTest(length: SelectionOptions): (sentence: Sentence) => boolean {
  const standfirst = length.standfirst === undefined ? undefined : foldWhitespace(length.standfirst);
  const embedded = new Set(
    (length.asides ?? []).flatMap((aside) =>
      splitSentences(aside).map((sentence) => foldWhitespace(sentence.text)),
    ),
  );
  if (standfirst === undefined && embedded.size === 0) return () => false;
  return (sentence) => {
    const text = foldWhitespace(sentence.text);
    return embedded.has(text) || standfirst?.includes(text) === true;
  };
}

export function selectSentences(
  sentences: readonly Sentence[],
  length: SelectionOptions = {},
  model: SummaryModel = SUMMARY_MODEL,
): Selection {
  const count = sentenceLimit(length);
  const article = articleWords(sentences.map((sentence) => sentence.text));
  const window = Math.max(model.leadWindow, count + SPARE_CANDIDATES);
  const entries = candidateSentences(sentences, count, window, outsideStoryTest(length));
  const { types, probabilities } = poolWords(entries, article, model);
  const pool = entries.map(
    ({ sentence, index, words }, entry): Candidate => ({
      sentence,
      index,
      tokenCount: article.sentences[index]?.length ?? 0,
      types: types[entry] as Int32Array,
      words,
      dependent: index > 0 && dependsOnPrevious(sentence.text),
    }),
  );
  if (pool.length === 0) return { sentences: [] };
  const expectedHits = expectedHitsScorer(probabilities);
  const referenceTokens = count * model.referenceTokensPerSentence;
  const chosen =
    length.words === undefined
      ? withReferents(
          pool,
          { sentences: count },
          // An estimate of ROUGE-1 F1: 2 x expected words covered / (summary words + expected summary length).
          (set) => (2 * expectedHits(set)) / (tokenCount(set) + referenceTokens),
        )
      : withinWords(pool, { sentences: count, words: length.words }, expectedHits);
  const lede = pool.find((candidate) => keepsReferents([candidate])) ?? pool[0];
  return {
    sentences: chosen.map((candidate) => candidate.sentence).sort((a, b) => a.start - b.start),
    ...(lede === undefined ? {} : { lede: lede.sentence }),
  };
}

/** The best set that keeps every referent; in an article where none can, the best set regardless. */
function withReferents(
  pool: readonly Candidate[],
  limits: Limits,
  value: (set: readonly Candidate[]) => number,
): Candidate[] {
  const chosen = bestSubset(pool, limits, { wordsOf, value, isAllowed: keepsReferents });
  return chosen.length > 0 ? chosen : bestSubset(pool, limits, { wordsOf, value });
}

/**
 * The set that covers the most expected words within the budget; when not even one sentence fits, the
 * shortest candidate that stands on its own, so that a tight budget still gets a summary.
 */
function withinWords(
  pool: readonly Candidate[],
  limits: Required<Limits>,
  expectedHits: (set: readonly Candidate[]) => number,
): Candidate[] {
  const chosen = bestSubset(pool, limits, { wordsOf, value: expectedHits, isAllowed: keepsReferents });
  if (chosen.length > 0) return chosen;
  const standing = pool.filter((candidate) => keepsReferents([candidate]));
  const shortest = (standing.length > 0 ? standing : pool).reduce((a, b) => (b.words < a.words ? b : a));
  return [shortest];
}
