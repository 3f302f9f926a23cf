import type { NgramData } from './language-ngrams.ts';

/** One of eld's language results (eld's own `LanguageResult`, as its index.d.ts declares it). */
export interface EldResult {
  readonly language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}

/** An eld detector with no table until `loadData` gives it one. */
export function createEld(): {
  instance: { detect(text: string): EldResult };
  loadData(data: NgramData): string;
};

/** eld's average score of each language in a correct detection, by ISO 639-1 code (its reliability test). */
export const avgScore: Readonly<Record<string, number>>;

/** eld's stand-ins for bytes: a character per byte value (0-255). */
export const dictionary: readonly string[];

/** eld's result of raw scores by language index over `numNgrams` distinct n-grams. */
export class LanguageResult implements EldResult {
  constructor(
    language: string,
    results: readonly number[],
    numNgrams: number,
    langCodes: Readonly<Record<number, string>>,
  );
  readonly language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}

/** eld's word separators: runs of what is not a letter, not ending in an apostrophe. */
export const separators: RegExp;
