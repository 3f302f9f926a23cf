import { splitSentences } from '../sentences/split-sentences.ts';
import { headlineFrom } from './headline.ts';
import { extractKeyPhrases } from './key-phrases.ts';
import { selectSentences } from './select-sentences.ts';
import { type SummaryLength, summaryLength } from './summary-length.ts';

export interface SummariseInput {
  readonly text: string;
  readonly title?: string;
}

/** Summary length: at most `sentences` sentences and `words` words; the default depends on the article. */
export type SummariseOptions = SummaryLength;

export interface SummaryOutput {
  readonly summary: string[];
  readonly headline?: string;
  readonly keyPhrases?: string[];
}

/**
 * Extractive summary: sentences verbatim from `input.text`, in text order (see select-sentences.ts); a
 * headline from the sentence that best stands alone, lightly compressed; and the key phrases.
 */
export function summarise(input: SummariseInput, options: SummariseOptions = {}): SummaryOutput {
  const sentences = splitSentences(input.text);
  const selection = selectSentences(sentences, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...summaryLength(options.sentences, options.words),
  });
  const summary = selection.sentences.map((sentence) => sentence.text);
  const keyPhrases = extractKeyPhrases(sentences);
  return {
    summary,
    ...(selection.best === undefined ? {} : { headline: headlineFrom(selection.best.text) }),
    ...(keyPhrases.length === 0 ? {} : { keyPhrases }),
  };
}
