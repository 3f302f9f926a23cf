import type { Span } from '../result.ts';

export interface Sentence extends Span {
  readonly text: string;
}

const SENTENCE = /[^.!?\n]+(?:[.!?]+["'\u201d\u2019)]*|\n|$)/g;

/** First pass (foundation): split on terminal punctuation and line breaks, keeping exact spans. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = match.index + leading;
    sentences.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return sentences;
}
