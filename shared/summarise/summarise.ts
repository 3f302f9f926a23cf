import { splitSentences } from '../sentences/split-sentences.ts';
import { headlineFrom } from './headline.ts';
import { extractKeyPhrases } from './key-phrases.ts';
import { selectSentences } from './select-sentences.ts';
import { type SummaryLength, summaryLength } from './summary-length.ts';
import { SUMMARY_MODEL, type SummaryModel } from './word-model.ts';

export interface SummariseInput {
  readonly text: string;
  /** The page's standfirst (dek): in the text, but not a source for the summary or the headline. */
  readonly standfirst?: string;
  /** Paragraphs that are not the story's prose (tweets, footnotes): in the text, but never summarised. */
  readonly asides?: readonly string[];
  /** Where the story starts in `text`, after a leading title line: no sentence before it is summarised. */
  readonly bodyStart?: number;
}

export interface SummariseOptions extends SummaryLength {
  /** The word model; the committed one unless an evaluation trains its own (bench:summary's folds). */
  readonly model?: SummaryModel;
}

export interface SummaryOutput {
  readonly summary: string[];
  readonly headline?: string;
  readonly keyPhrases?: string[];
}

/**
 * Extractive summary: sentences verbatim from `input.text`, in text order (see select-sentences.ts); a
 * headline from the lede, lightly compressed (headline.ts); and the key phrases.
 */
export function summarise(input: SummariseInput, options: SummariseOptions = {}): SummaryOutput {
  const bodyStart = input.bodyStart ?? 0;
  const sentences = splitSentences(input.text).filter((sentence) => sentence.start >= bodyStart);
  const selection = selectSentences(
    sentences,
    {
      ...summaryLength(options.sentences, options.words),
      ...(input.standfirst === undefined ? {} : { standfirst: input.standfirst }),
      ...(input.asides === undefined ? {} : { asides: input.asides }),
    },
    options.model ?? SUMMARY_MODEL,
  );
  const summary = selection.sentences.map((sentence) => sentence.text);
  const keyPhrases = extractKeyPhrases(sentences);
  return {
    summary,
    ...(selection.lede === undefined ? {} : { headline: headlineFrom(selection.lede.text) }),
    ...(keyPhrases.length === 0 ? {} : { keyPhrases }),
  };
}
