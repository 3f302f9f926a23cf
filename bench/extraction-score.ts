/** trafilatura's snippet metric: a `with` snippet found is a TP, missing a FN; a `without` snippet found is a FP. */

export interface Score {
  pages: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface ScoredPage {
  readonly with: readonly string[];
  readonly without: readonly string[];
}

const WHITESPACE = /\s+/g;
/** Soft hyphens are invisible line-break hints; folding them on both sides is part of folding whitespace. */
const SOFT_HYPHEN = /\u00AD/g;

export function foldWhitespace(text: string): string {
  return text.replace(SOFT_HYPHEN, '').replace(WHITESPACE, ' ').trim();
}

export function emptyScore(): Score {
  return { pages: 0, tp: 0, fp: 0, fn: 0 };
}

/** Adds one page's counts to the running score and returns the snippets it got wrong. */
export function scorePage(
  score: Score,
  page: ScoredPage,
  extracted: string,
): { missed: string[]; leaked: string[] } {
  const text = foldWhitespace(extracted);
  const missed: string[] = [];
  const leaked: string[] = [];
  score.pages += 1;
  for (const snippet of page.with.map(foldWhitespace).filter(Boolean)) {
    if (text.includes(snippet)) score.tp += 1;
    else {
      score.fn += 1;
      missed.push(snippet);
    }
  }
  for (const snippet of page.without.map(foldWhitespace).filter(Boolean)) {
    if (text.includes(snippet)) {
      score.fp += 1;
      leaked.push(snippet);
    }
  }
  return { missed, leaked };
}

export function precision(score: Score): number {
  return score.tp / (score.tp + score.fp || 1);
}

export function recall(score: Score): number {
  return score.tp / (score.tp + score.fn || 1);
}

export function f1(score: Score): number {
  return (2 * score.tp) / (2 * score.tp + score.fp + score.fn || 1);
}
