import type { NerType } from './tags.ts';

/** Types scored by the CoNLL metric of shared/data/README.md (MISC is ignored). */
export const SCORED_TYPES = ['PER', 'ORG', 'LOC'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Mentions of one document as (type, surface text) pairs. */
export interface Surface {
  readonly type: NerType;
  readonly text: string;
}

const WHITESPACE = /\s+/gu;

function bag(mentions: readonly Surface[], type: ScoredType): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of mentions) {
    if (mention.type !== type) continue;
    const key = mention.text.replace(WHITESPACE, ' ').trim().toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function emptyCounts(): Record<ScoredType, Counts> {
  return { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
}

/** Adds one document: per type, TP is the multiset intersection of gold and predicted surfaces. */
export function countDocument(
  totals: Record<ScoredType, Counts>,
  gold: readonly Surface[],
  predicted: readonly Surface[],
): void {
  for (const type of SCORED_TYPES) {
    const expected = bag(gold, type);
    const found = bag(predicted, type);
    let tp = 0;
    for (const [key, count] of found) tp += Math.min(count, expected.get(key) ?? 0);
    const goldTotal = [...expected.values()].reduce((a, b) => a + b, 0);
    const foundTotal = [...found.values()].reduce((a, b) => a + b, 0);
    totals[type].tp += tp;
    totals[type].fp += foundTotal - tp;
    totals[type].fn += goldTotal - tp;
  }
}

export function score(counts: Counts): Scores {
  const precision = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Micro-averaged counts over the scored types. */
export function microCounts(totals: Record<ScoredType, Counts>): Counts {
  return SCORED_TYPES.reduce(
    (sum, type) => ({
      tp: sum.tp + totals[type].tp,
      fp: sum.fp + totals[type].fp,
      fn: sum.fn + totals[type].fn,
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
}
