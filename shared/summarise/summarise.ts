import { selectSentences } from './select-sentences.ts';

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

/**
 * Extractive summary: sentences verbatim from `input.text`, in text order, chosen by lead bias, directed
 * centrality, title overlap, entity/number density and length, with MMR against redundancy.
 */
export function summarise(input: SummariseInput, options: SummariseOptions = {}): SummaryOutput {
  const selection = selectSentences(input.text, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(options.sentences === undefined ? {} : { sentences: options.sentences }),
  });
  const summary = selection.sentences.map((sentence) => sentence.text);
  return { summary, ...(selection.best === undefined ? {} : { headline: selection.best.text }) };
}
