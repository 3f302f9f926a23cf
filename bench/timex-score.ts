/**
 * The TempEval-3 DATE scorer of ../shared/tools/score/timex_score.py, ported so that `bench:dates` agrees with
 * `../shared/tools/dev-report dates`: only gold DATEs are scored; a prediction that overlaps no gold DATE but
 * a gold TIME is left out; gold and predicted spans pair one-to-one (exact spans first, then the largest
 * overlaps); value accuracy = pairs with the gold value / pairs; value F1 = relaxed F1 x value accuracy.
 * Offsets are JavaScript (UTF-16) offsets throughout; when the pipeline's text differs from the gold text
 * (it removed a dateline), predicted spans are mapped onto the gold text through a character diff.
 */
import { diffChars } from 'diff';

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  readonly value: string;
}

export interface PredictedDate {
  readonly start: number;
  readonly end: number;
  readonly value?: string;
}

/** A span with its (normalised) value. */
interface Valued {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface Counts {
  gold: number;
  predicted: number;
  strict: number;
  relaxed: number;
  valueCorrect: number;
}

export interface Figures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The value shapes of timex_score.py, in its order: the first that matches names the shape. */
export const SHAPES: ReadonlyArray<readonly [string, RegExp]> = [
  ['day', /^\d{4}-\d{2}-\d{2}$/],
  ['week', /^\d{4}-W\d{2}$/],
  ['month', /^\d{4}-\d{2}$/],
  ['year', /^\d{4}$/],
  ['quarter/half', /^\d{4}-(Q|H)[\dX]$/],
  ['season', /^\d{4}-(SP|SU|FA|WI)$/],
  ['ref', /^(PRESENT|PAST|FUTURE)_REF$/],
  ['decade/century', /^\d{2,3}X?$/],
];

export function shapeOf(value: string): string {
  return SHAPES.find(([, pattern]) => pattern.test(value))?.[0] ?? 'other';
}

export function emptyCounts(): Counts {
  return { gold: 0, predicted: 0, strict: 0, relaxed: 0, valueCorrect: 0 };
}

export function addCounts(total: Counts, more: Counts): void {
  total.gold += more.gold;
  total.predicted += more.predicted;
  total.strict += more.strict;
  total.relaxed += more.relaxed;
  total.valueCorrect += more.valueCorrect;
}

export function figures(hits: number, predicted: number, gold: number): Figures {
  const precision = predicted ? hits / predicted : 0;
  const recall = gold ? hits / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function valueAccuracy(counts: Counts): number {
  return counts.relaxed ? counts.valueCorrect / counts.relaxed : 0;
}

function normalise(value: string | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

function overlap(a: Valued | GoldTimex, b: Valued | GoldTimex): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** One-to-one pairs [gold index, predicted index]: exact spans first, then the largest overlaps. */
export function pairSpans(
  golds: readonly (Valued | GoldTimex)[],
  predictions: readonly Valued[],
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  const take = (g: number, p: number) => {
    pairs.push([g, p]);
    goldUsed.add(g);
    predictedUsed.add(p);
  };
  golds.forEach((gold, g) => {
    predictions.forEach((prediction, p) => {
      if (goldUsed.has(g) || predictedUsed.has(p)) return;
      if (gold.start === prediction.start && gold.end === prediction.end) take(g, p);
    });
  });
  const candidates: Array<[number, number, number]> = [];
  golds.forEach((gold, g) => {
    predictions.forEach((prediction, p) => {
      const shared = overlap(gold, prediction);
      if (shared > 0 && !goldUsed.has(g) && !predictedUsed.has(p)) candidates.push([shared, g, p]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, g, p] of candidates) if (!goldUsed.has(g) && !predictedUsed.has(p)) take(g, p);
  return pairs;
}

/** Maps offsets of `predictedText` onto `goldText` through their common characters. */
export function alignOffsets(goldText: string, predictedText: string): (start: number, end: number) => Span {
  if (goldText === predictedText) return (start, end) => ({ start, end });
  const map = new Array<number | undefined>(predictedText.length + 1);
  let gold = 0;
  let predicted = 0;
  for (const part of diffChars(goldText, predictedText)) {
    const length = part.value.length;
    if (part.added) predicted += length;
    else if (part.removed) gold += length;
    else {
      for (let k = 0; k < length; k++) map[predicted + k] = gold + k;
      gold += length;
      predicted += length;
    }
  }
  return (start, end) => {
    const inside: number[] = [];
    for (let i = start; i < end; i++) {
      const mapped = map[i];
      if (mapped !== undefined) inside.push(mapped);
    }
    const first = inside[0];
    const last = inside.at(-1);
    return first === undefined || last === undefined
      ? { start: -1, end: -1 }
      : { start: first, end: last + 1 };
  };
}

type Span = { start: number; end: number };

export interface DocumentScore {
  readonly counts: Counts;
  /** Per gold DATE: its shape, whether a prediction paired with it, and whether that one had its value. */
  readonly golds: ReadonlyArray<{ gold: GoldTimex; found: boolean; valueRight: boolean; predicted?: Valued }>;
  /** Predictions that count and paired with no gold DATE (false positives). */
  readonly spurious: readonly Valued[];
}

/** Scores one document's predictions (offsets into `predictedText`) against its gold timexes. */
export function scoreDocument(
  goldText: string,
  timexes: readonly GoldTimex[],
  predictedText: string,
  predictions: readonly PredictedDate[],
): DocumentScore {
  const dates = timexes.filter((timex) => timex.type === 'DATE');
  const times = timexes.filter((timex) => timex.type === 'TIME');
  const align = alignOffsets(goldText, predictedText);
  const counted: Valued[] = [];
  for (const prediction of predictions) {
    const span = align(prediction.start, prediction.end);
    const valued = { ...span, value: normalise(prediction.value) };
    const placed = valued.start >= 0;
    const inTimeOnly =
      placed &&
      !dates.some((date) => overlap(valued, date) > 0) &&
      times.some((time) => overlap(valued, time) > 0);
    if (!inTimeOnly) counted.push(valued);
  }
  const pairs = pairSpans(dates, counted);
  const counts = emptyCounts();
  counts.gold = dates.length;
  counts.predicted = counted.length;
  counts.relaxed = pairs.length;
  const byGold = new Map(pairs);
  const paired = new Set(byGold.values());
  const golds = dates.map((gold, g) => {
    const p = byGold.get(g);
    const predicted = p === undefined ? undefined : counted[p];
    const valueRight =
      predicted !== undefined && predicted.value !== '' && predicted.value === normalise(gold.value);
    if (predicted && predicted.start === gold.start && predicted.end === gold.end) counts.strict += 1;
    if (valueRight) counts.valueCorrect += 1;
    return { gold, found: predicted !== undefined, valueRight, ...(predicted ? { predicted } : {}) };
  });
  return { counts, golds, spurious: counted.filter((_, p) => !paired.has(p)) };
}
