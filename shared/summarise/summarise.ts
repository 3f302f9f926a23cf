import { splitSentences } from '../sentences/split-sentences.ts';
import { headlineFrom } from './headline.ts';
import { extractKeyPhrases } from './key-phrases.ts';
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
 * Extractive summary: sentences verbatim from `input.text`, in text order (see select-sentences.ts); a
 * headline from the sentence that best stands alone, lightly compressed; and the key phrases.
 */
export function summarise(input: SummariseInput, options: SummariseOptions = {}): SummaryOutput {
  const sentences = splitSentences(input.text);
  const selection = selectSentences(sentences, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(options.sentences === undefined ? {} : { sentences: options.sentences }),
  });
  const summary = selection.sentences.map((sentence) => sentence.text);
  const keyPhrases = extractKeyPhrases(sentences);
  return {
    summary,
    ...(selection.best === undefined ? {} : { headline: headlineFrom(selection.best.text) }),
    ...(keyPhrases.length === 0 ? {} : { keyPhrases }),
  };
}
