import type { Sentence } from '../sentences/split-sentences.ts';
import { bestSubset, type Limits } from './best-subset.ts';
import { type AssessedSentence as Assessed, assessEach, countWords } from './candidates.ts';
import { defaultSentenceCount, type SummaryLength } from './summary-length.ts';

/**
 * Sentence selection as expected-overlap maximisation. Every word of the article gets the probability that a
 * reader's summary repeats it, rising with how often the article uses it (frequency centrality, as in
 * SumBasic) and with title words; function words count extra, as references repeat them. A sentence's words
 * are discounted by its position (lead bias) and by reported speech (sentences that are mostly quotation
 * were filtered out before). The summary is the set of `count` sentences from the lead window that
 * maximises 2 x (expected distinct words covered) / (summary words + expected reference words), an estimate
 * of ROUGE-1 F1: it prefers dense, short, non-redundant sentences (a word already covered earns nothing
 * twice, which is the redundancy control). Constants tuned on CNN/DailyMail dev (bench/summary.ts) and
 * checked on both halves of it; `titleBoost` is untuned (that data has no titles).
 */
export interface SelectionWeights {
  /** p(word) = 1 - exp(-frequencyRate x occurrences). */
  readonly frequencyRate: number;
  /** Occurrences a title word adds to its count. */
  readonly titleBoost: number;
  /** Position prior 1 / (1 + rank)^positionDecay over candidate order. */
  readonly positionDecay: number;
  /** Candidates considered: the first `leadWindow` (or `count + 3` when longer). */
  readonly leadWindow: number;
  /** Expected words per reference sentence, the F1 denominator's other half. */
  readonly referenceWordsPerSentence: number;
  /** Multiplier lost by reported speech. */
  readonly attribution: number;
  /** Hits a covered function word is worth: references repeat `the`, `of`, `to` several times. */
  readonly functionWords: number;
}

export const DEFAULT_WEIGHTS: SelectionWeights = {
  frequencyRate: 0.15,
  titleBoost: 2,
  positionDecay: 0.35,
  leadWindow: 6,
  referenceWordsPerSentence: 17,
  attribution: 0.1,
  functionWords: 1.5,
};

const TOKEN = /[\p{L}\p{N}]+/gu;
/** The most frequent English function words (they make up about a third of a news highlight). */
const FUNCTION_WORDS = new Set(
  (
    'the a an of to in and for on at by with from as is was were be been has have had that this it its ' +
    'he she his her they their will would who which or but not are after'
  ).split(' '),
);
const ATTRIBUTION = /\b(?:said|says|told|according to|added|explained|claimed|insisted|revealed|admitted)\b/i;
/** Lowercased word tokens with a trailing plural `s` dropped, so `votes` meets `vote`. */
function tokensOf(text: string): string[] {
  const tokens = text.toLowerCase().match(TOKEN) ?? [];
  return tokens.map((token) =>
    token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token,
  );
}

interface Candidate {
  readonly sentence: Sentence;
  readonly tokens: readonly string[];
  /** Expected gain of each distinct token of this sentence. */
  readonly gains: ReadonlyMap<string, number>;
}

/**
 * The first `window` accepted sentences, assessed lazily (most articles need only their lead read); rejected
 * non-captions fill in, in text order, only when the article has too few accepted ones for `wanted`.
 */
function usable(sentences: readonly Sentence[], wanted: number, window: number): Assessed[] {
  const accepted: Assessed[] = [];
  const rejected: Assessed[] = [];
  for (const assessed of assessEach(sentences)) {
    if (assessed.rejection === undefined) accepted.push(assessed);
    else if (assessed.rejection !== 'caption') rejected.push(assessed);
    if (accepted.length >= window) return accepted;
  }
  if (accepted.length >= wanted) return accepted;
  return [...accepted, ...rejected.slice(0, wanted - accepted.length)].sort(
    (a, b) => a.sentence.start - b.sentence.start,
  );
}

function frequencies(tokenLists: readonly (readonly string[])[], title: string | undefined, boost: number) {
  const counts = new Map<string, number>();
  for (const tokens of tokenLists)
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  if (title !== undefined) {
    for (const token of new Set(tokensOf(title))) counts.set(token, (counts.get(token) ?? 0) + boost);
  }
  return counts;
}

function sentencePrior(sentence: Sentence, rank: number, weights: SelectionWeights): number {
  const position = 1 / (1 + rank) ** weights.positionDecay;
  const attribution = ATTRIBUTION.test(sentence.text) ? 1 - weights.attribution : 1;
  return position * attribution;
}

function toCandidates(
  sentences: readonly Sentence[],
  counts: ReadonlyMap<string, number>,
  weights: SelectionWeights,
) {
  return sentences.map((sentence, rank): Candidate => {
    const tokens = tokensOf(sentence.text);
    const prior = sentencePrior(sentence, rank, weights);
    const gains = new Map<string, number>();
    for (const token of tokens) {
      const probability = 1 - Math.exp(-weights.frequencyRate * (counts.get(token) ?? 0));
      const worth = FUNCTION_WORDS.has(token) ? weights.functionWords : 1;
      gains.set(token, prior * probability * worth);
    }
    return { sentence, tokens, gains };
  });
}

/** Expected distinct words of a reader's summary covered by a set: each word counts once, at its best gain. */
function expectedHits(set: readonly Candidate[]): number {
  const best = new Map<string, number>();
  for (const candidate of set)
    for (const [token, gain] of candidate.gains) if (gain > (best.get(token) ?? 0)) best.set(token, gain);
  let covered = 0;
  for (const gain of best.values()) covered += gain;
  return covered;
}

/** Estimated ROUGE-1 F1 of a set of candidates. */
function expectedF1(set: readonly Candidate[], referenceWords: number): number {
  const words = set.reduce((sum, candidate) => sum + candidate.tokens.length, 0);
  return (2 * expectedHits(set)) / (words + referenceWords);
}

const wordsOf = (candidate: Candidate) => countWords(candidate.sentence.text);

export interface Selection {
  /** Chosen sentences in text order. */
  readonly sentences: Sentence[];
  /** The one sentence that best stands alone (the best single-sentence summary). */
  readonly best?: Sentence;
}

/** Sentences a word budget leaves room for, at a typical news sentence length, to size the lead window. */
const TYPICAL_SENTENCE_WORDS = 20;

export function selectSentences(
  sentences: readonly Sentence[],
  options: { readonly title?: string } & SummaryLength,
  weights: SelectionWeights = DEFAULT_WEIGHTS,
): Selection {
  const count =
    options.sentences ??
    (options.words === undefined
      ? defaultSentenceCount(sentences.length)
      : Math.ceil(options.words / TYPICAL_SENTENCE_WORDS));
  const counts = frequencies(
    sentences.map((sentence) => tokensOf(sentence.text)),
    options.title,
    weights.titleBoost,
  );
  const window = Math.max(weights.leadWindow, count + 3);
  const pool = toCandidates(
    usable(sentences, count, window).map((assessed) => assessed.sentence),
    counts,
    weights,
  );
  if (pool.length === 0) return { sentences: [] };
  const chosen =
    options.words === undefined
      ? bestSubset(pool, { sentences: count }, wordsOf, (set) =>
          expectedF1(set, count * weights.referenceWordsPerSentence),
        )
      : withinWords(pool, { sentences: count, words: options.words });
  const [best] = bestSubset(pool, { sentences: 1 }, wordsOf, (set) =>
    expectedF1(set, weights.referenceWordsPerSentence),
  );
  return {
    sentences: chosen.map((candidate) => candidate.sentence).sort((a, b) => a.start - b.start),
    ...(best === undefined ? {} : { best: best.sentence }),
  };
}

/**
 * The set that covers most of what a reader's summary is expected to say within the budget; when not even one
 * sentence fits, the shortest candidate alone, so that a tight budget still gets a summary.
 */
function withinWords(pool: readonly Candidate[], limits: Required<Limits>): Candidate[] {
  const chosen = bestSubset(pool, limits, wordsOf, expectedHits);
  if (chosen.length > 0) return chosen;
  const shortest = pool.reduce((a, b) => (wordsOf(b) < wordsOf(a) ? b : a));
  return [shortest];
}
