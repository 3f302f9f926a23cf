/**
 * ROUGE as the project's checker (../shared/tools/score/rouge.py, Google's rouge-score rules) computes it:
 * lowercase, every character outside [a-z0-9] becomes a space, tokens longer than 3 characters are
 * Porter-stemmed (NLTK's ORIGINAL_ALGORITHM); ROUGE-N F1 over clipped n-gram counts; ROUGE-Lsum as the
 * summary-level union-LCS over sentences (one sentence per line), with the checker's LCS backtracking.
 */
import { porterStem } from '#shared/summarise/porter-stemmer.ts';

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeLsum: RougeScore;
}

const NON_ALPHANUMERIC = /[^a-z0-9]+/g;
const MIN_STEMMED_LENGTH = 4;
const ZERO: RougeScore = { precision: 0, recall: 0, f1: 0 };

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(NON_ALPHANUMERIC, ' ')
    .split(' ')
    .filter((token) => token !== '')
    .map((token) => (token.length >= MIN_STEMMED_LENGTH ? porterStem(token) : token));
}

function score(hits: number, predicted: number, reference: number): RougeScore {
  const precision = predicted === 0 ? 0 : hits / predicted;
  const recall = reference === 0 ? 0 : hits / reference;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(reference: readonly string[], candidate: readonly string[], n: number): RougeScore {
  const referenceGrams = countNgrams(reference, n);
  const candidateGrams = countNgrams(candidate, n);
  let hits = 0;
  for (const [gram, count] of candidateGrams) hits += Math.min(count, referenceGrams.get(gram) ?? 0);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, c) => sum + c, 0);
  return score(hits, total(candidateGrams), total(referenceGrams));
}

/** Indices into `reference` of one LCS with `candidate`, backtracked exactly as the checker does. */
function lcsIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const rows = reference.length;
  const cols = candidate.length;
  const table = Array.from({ length: rows + 1 }, () => new Int32Array(cols + 1));
  for (let i = 1; i <= rows; i++) {
    const row = table[i] as Int32Array;
    const above = table[i - 1] as Int32Array;
    for (let j = 1; j <= cols; j++) {
      row[j] =
        reference[i - 1] === candidate[j - 1]
          ? (above[j - 1] as number) + 1
          : Math.max(above[j] as number, row[j - 1] as number);
    }
  }
  const indices: number[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if ((table[i - 1]?.[j] ?? 0) > (table[i]?.[j - 1] ?? 0)) {
      i--;
    } else {
      j--;
    }
  }
  return indices.reverse();
}

function unionLcs(reference: readonly string[], candidates: readonly (readonly string[])[]): string[] {
  const union = new Set<number>();
  for (const candidate of candidates) for (const index of lcsIndices(reference, candidate)) union.add(index);
  return [...union].sort((a, b) => a - b).map((index) => reference[index] as string);
}

function countTokens(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences)
    for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

export function rougeLsum(
  reference: readonly (readonly string[])[],
  candidate: readonly (readonly string[])[],
): RougeScore {
  const referenceLength = reference.reduce((sum, sentence) => sum + sentence.length, 0);
  const candidateLength = candidate.reduce((sum, sentence) => sum + sentence.length, 0);
  if (referenceLength === 0 || candidateLength === 0) return ZERO;
  const referenceCounts = countTokens(reference);
  const candidateCounts = countTokens(candidate);
  let hits = 0;
  for (const sentence of reference) {
    for (const token of unionLcs(sentence, candidate)) {
      const inCandidate = candidateCounts.get(token) ?? 0;
      const inReference = referenceCounts.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        candidateCounts.set(token, inCandidate - 1);
        referenceCounts.set(token, inReference - 1);
      }
    }
  }
  return score(hits, candidateLength, referenceLength);
}

/** Scores one summary; both sides are given as sentences (one per line in rouge-score's terms). */
export function scoreSummary(
  referenceSentences: readonly string[],
  candidateSentences: readonly string[],
): RougeScores {
  const reference = referenceSentences.map(tokenize);
  const candidate = candidateSentences.map(tokenize);
  return {
    rouge1: rougeN(reference.flat(), candidate.flat(), 1),
    rouge2: rougeN(reference.flat(), candidate.flat(), 2),
    rougeLsum: rougeLsum(reference, candidate),
  };
}

/** Splits a CNN/DailyMail reference (or a stored system summary) into sentences on " . ". */
export function splitReference(summary: string): string[] {
  return summary
    .split(' . ')
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
