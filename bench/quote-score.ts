/**
 * The quote metric of ../shared/tools/score/quote_score.py, in TypeScript so that `bench:quotes` agrees with
 * `dev-report quotes`: quotes pair one-to-one by largest character overlap; span P/R/F1 over pairs; on pairs
 * whose gold speaker is named (not a bare pronoun), the speaker is right when the predicted `speakerMention`
 * overlaps the gold speaker span or the predicted speaker name shares a word of 3+ letters (not a stop word)
 * with the gold speaker text. Predicted offsets are mapped onto the gold text by a character diff when the
 * cleaned text differs from it. Beside it, the strict test of bench/quote-strict.ts (the same span, or the
 * entity the gold speaker names), which quote_score.py does not have.
 */
import diff from 'fast-diff';
import type { Entity, QuoteFact } from '#shared/result.ts';
import { goldMentions, type StrictVerdict, strictVerdict } from './quote-strict.ts';

export interface GoldQuote {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
  readonly speaker_start: number | null;
  readonly speaker_end: number | null;
  readonly speaker_pronoun: boolean;
}

export interface QuoteCounts {
  predicted: number;
  gold: number;
  pairs: number;
  speakerScored: number;
  speakerRight: number;
  /** Named gold speakers right by the strict test of bench/quote-strict.ts (absent in scores saved before it). */
  speakerStrict?: number;
}

/** One scored pair, for error listings. */
export interface QuotePair {
  readonly gold: GoldQuote;
  readonly predicted: QuoteFact;
  /** The predicted `speakerMention` mapped onto the gold text. */
  readonly mention?: { readonly start: number; readonly end: number };
  /** undefined when the gold speaker is a pronoun or absent (not scored). */
  readonly speakerRight: boolean | undefined;
  /** The strict test of bench/quote-strict.ts; undefined where `speakerRight` is. */
  readonly strict?: StrictVerdict | undefined;
}

export interface ArticleScore {
  readonly counts: QuoteCounts;
  readonly pairs: readonly QuotePair[];
  readonly missed: readonly GoldQuote[];
  readonly spurious: readonly QuoteFact[];
}

const STOP = new Set([
  'the',
  'and',
  'for',
  'his',
  'her',
  'its',
  'their',
  'said',
  'who',
  'with',
  'from',
  'this',
  'that',
]);
const WORD = /[a-z]{3,}/g;
/** How far back the mapping looks for an aligned character (quote_score.py's window). */
const MAP_WINDOW = 50;

export const emptyCounts = (): QuoteCounts => ({
  predicted: 0,
  gold: 0,
  pairs: 0,
  speakerScored: 0,
  speakerRight: 0,
  speakerStrict: 0,
});

export function addCounts(total: QuoteCounts, counts: QuoteCounts): void {
  total.predicted += counts.predicted;
  total.gold += counts.gold;
  total.pairs += counts.pairs;
  total.speakerScored += counts.speakerScored;
  total.speakerRight += counts.speakerRight;
  total.speakerStrict = (total.speakerStrict ?? 0) + (counts.speakerStrict ?? 0);
}

export function spanScores(counts: QuoteCounts) {
  const precision = counts.predicted ? counts.pairs / counts.predicted : 0;
  const recall = counts.gold ? counts.pairs / counts.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const speaker = counts.speakerScored ? counts.speakerRight / counts.speakerScored : 0;
  const strict = counts.speakerScored ? (counts.speakerStrict ?? 0) / counts.speakerScored : 0;
  return { precision, recall, f1, speaker, strict };
}

function words(text: string | null | undefined): Set<string> {
  return new Set([...(text ?? '').toLowerCase().matchAll(WORD)].map((m) => m[0]).filter((w) => !STOP.has(w)));
}

/** Maps an offset in `from` to one in `to`: the nearest aligned character at or before it, plus the distance. */
export function offsetMapper(from: string, to: string): (offset: number) => number | undefined {
  if (from === to) return (offset) => offset;
  const table = new Map<number, number>();
  let a = 0;
  let b = 0;
  for (const [operation, chunk] of diff(from, to)) {
    if (operation === diff.EQUAL) {
      for (let k = 0; k < chunk.length; k++) table.set(a + k, b + k);
      a += chunk.length;
      b += chunk.length;
    } else if (operation === diff.DELETE) a += chunk.length;
    else b += chunk.length;
  }
  return (offset) => {
    for (let distance = 0; distance < MAP_WINDOW; distance++) {
      const mapped = table.get(offset - distance);
      if (mapped !== undefined) return mapped + distance;
    }
    return undefined;
  };
}

interface Mapped {
  readonly quote: QuoteFact;
  readonly start: number;
  readonly end: number;
  readonly mention?: { readonly start: number; readonly end: number };
}

function mapQuotes(quotes: readonly QuoteFact[], map: (offset: number) => number | undefined): Mapped[] {
  const mapped: Mapped[] = [];
  for (const quote of quotes) {
    const start = map(quote.start);
    const end = map(quote.end);
    if (start === undefined || end === undefined) continue;
    const mentionStart = quote.speakerMention && map(quote.speakerMention.start);
    const mentionEnd = quote.speakerMention && map(quote.speakerMention.end);
    const mention =
      mentionStart !== undefined && mentionEnd !== undefined
        ? { start: mentionStart, end: mentionEnd }
        : undefined;
    mapped.push({ quote, start, end, ...(mention ? { mention } : {}) });
  }
  return mapped;
}

function isSpeakerRight(gold: GoldQuote, predicted: Mapped): boolean {
  const { mention } = predicted;
  const overlaps =
    mention !== undefined &&
    gold.speaker_start !== null &&
    gold.speaker_end !== null &&
    Math.min(mention.end, gold.speaker_end) > Math.max(mention.start, gold.speaker_start);
  if (overlaps) return true;
  const goldWords = words(gold.speaker);
  return [...words(predicted.quote.speaker)].some((word) => goldWords.has(word));
}

/**
 * Scores one article's predicted quotes (offsets into `predictedText`) against its gold quotes; with precis's
 * `entities` (offsets into `predictedText`), named speakers are also scored by the strict test.
 */
export function scoreArticle(
  goldText: string,
  gold: readonly GoldQuote[],
  predictedText: string,
  predicted: readonly QuoteFact[],
  entities: readonly Entity[] = [],
): ArticleScore {
  const map = offsetMapper(predictedText, goldText);
  const mapped = mapQuotes(predicted, map);
  const mentions = goldMentions(entities, map);
  const candidates: Array<[number, number, number]> = [];
  mapped.forEach((p, i) => {
    gold.forEach((g, j) => {
      const overlap = Math.min(p.end, g.end) - Math.max(p.start, g.start);
      if (overlap > 0) candidates.push([overlap, i, j]);
    });
  });
  // Python's sort of (overlap, i, j) tuples, reversed: largest overlap first, then larger indices first.
  candidates.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const usedPredicted = new Set<number>();
  const usedGold = new Set<number>();
  const pairs: QuotePair[] = [];
  const counts = { ...emptyCounts(), predicted: mapped.length, gold: gold.length };
  for (const [, i, j] of candidates) {
    if (usedPredicted.has(i) || usedGold.has(j)) continue;
    usedPredicted.add(i);
    usedGold.add(j);
    counts.pairs += 1;
    const g = gold[j] as GoldQuote;
    const p = mapped[i] as Mapped;
    const scored = !g.speaker_pronoun && Boolean(g.speaker);
    const right = scored ? isSpeakerRight(g, p) : undefined;
    const strict =
      scored && g.speaker_start !== null && g.speaker_end !== null
        ? strictVerdict(
            goldText,
            { start: g.speaker_start, end: g.speaker_end },
            { speaker: p.quote.speaker, resolved: p.quote.speakerType !== undefined, mention: p.mention },
            mentions,
          )
        : undefined;
    if (scored) counts.speakerScored += 1;
    if (right) counts.speakerRight += 1;
    if (strict?.right) counts.speakerStrict = (counts.speakerStrict ?? 0) + 1;
    pairs.push({
      gold: g,
      predicted: p.quote,
      speakerRight: right,
      strict,
      ...(p.mention ? { mention: p.mention } : {}),
    });
  }
  return {
    counts,
    pairs,
    missed: gold.filter((_, j) => !usedGold.has(j)),
    spurious: mapped.filter((_, i) => !usedPredicted.has(i)).map((p) => p.quote),
  };
}
