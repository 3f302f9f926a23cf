import { splitSentences } from '../sentences/split-sentences.ts';

export interface SummariseInput {
  readonly text: string;
  readonly title?: string;
}

export interface SummariseOptions {
  /** Summary length in sentences; the default depends on the article's length. */
  readonly sentences?: number;
}

export interface SummaryOutput {
  readonly summary: string[];
  readonly headline?: string;
  readonly keyPhrases?: string[];
}

export const DEFAULT_SUMMARY_SENTENCES = 3;

/** First pass (foundation): the lead sentences. */
export function summarise(input: SummariseInput, options: SummariseOptions = {}): SummaryOutput {
  const count = options.sentences ?? DEFAULT_SUMMARY_SENTENCES;
  const summary = splitSentences(input.text)
    .slice(0, count)
    .map((sentence) => sentence.text);
  return { summary };
}
