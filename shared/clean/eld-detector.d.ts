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
