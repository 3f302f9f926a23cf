/**
 * Checks on summaries that need no reference: whether a sentence comes from the article body (measured the
 * way ../shared/tools/dev-report's `pages` does), and whether a summary sentence dangles (opens leaning on a
 * sentence the summary left out).
 */
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { dependsOnPrevious } from '#shared/summarise/openers.ts';

/** Python's `re.sub(r"[^\w]+", " ", s.lower()).strip()`: \w is a letter, a digit or `_`. */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim();
}

/** The body prepared once for `isInside`. */
export function matchableBody(text: string): string {
  return ` ${normaliseForMatching(text)} `;
}

/** Share of a sentence's word trigrams that must be found in the body for it to count as inside. */
const INSIDE_SHARE = 0.8;

/** dev-report's test: at least 80% of the sentence's word trigrams (its words, when fewer than 3) are in the body. */
export function isInside(sentence: string, body: string): boolean {
  const words = normaliseForMatching(sentence)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return true;
  const shingles: string[] = [];
  for (let i = 0; i < Math.max(1, words.length - 2); i++) shingles.push(words.slice(i, i + 3).join(' '));
  const found = shingles.filter((shingle) => body.includes(shingle)).length;
  return found / shingles.length >= INSIDE_SHARE;
}

/**
 * Summary sentences that open leaning on the sentence before them in the text (openers.ts) while the summary
 * leaves that sentence out. The text's first sentence has nothing before it and never dangles.
 */
export function danglingSentences(text: string, summary: readonly string[]): string[] {
  const sentences = splitSentences(text).map((sentence) => sentence.text);
  const positions = summary.map((sentence) => sentences.indexOf(sentence));
  return summary.filter((sentence, index) => {
    const position = positions[index] ?? -1;
    if (position === 0 || !dependsOnPrevious(sentence)) return false;
    return position < 0 || !positions.includes(position - 1);
  });
}
