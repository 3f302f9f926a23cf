import type { Removal, Result } from '../result.ts';

export type PublishedAtSource = NonNullable<Result['publishedAtSource']>;

/** What the text rules learn while cleaning: metadata found in the text and the audit of removals. */
export interface TextContext {
  readonly removed: Removal[];
  sourceUrl?: string;
  byline?: string;
  publishedAt?: string;
  publishedAtSource?: PublishedAtSource;
  dateline?: string;
  /** The date written in a removed photo caption: the story's date when nothing better is known. */
  captionDate?: string;
  /** Figure captions the page marked up as such (figcaption, caption classes), whitespace-folded. */
  readonly knownCaptions?: ReadonlySet<string>;
  /** Paragraphs of the page that are only links (teasers of other pages), whitespace-folded. */
  readonly linkBlocks?: ReadonlySet<string>;
}

/** A paragraph is one or more lines; rules see lines until the lines are joined. */
export type Paragraphs = readonly string[];

export function record(context: TextContext, rule: string, text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') context.removed.push({ rule, text: trimmed });
}

/** Applies a rule to every line; a line the rule maps to '' disappears, and so does an emptied paragraph. */
export function mapLines(paragraphs: Paragraphs, rewrite: (line: string) => string): string[] {
  const rewritten: string[] = [];
  for (const paragraph of paragraphs) {
    // Most paragraphs are one line: rewritten as it is, without splitting and joining.
    const lines = paragraph.includes('\n')
      ? paragraph
          .split('\n')
          .map(rewrite)
          .filter((line) => line.trim() !== '')
          .join('\n')
      : rewrite(paragraph);
    if (lines.trim() !== '') rewritten.push(lines);
  }
  return rewritten;
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether a UTF-16 code unit is whitespace as `\s` reads it (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Words separated by whitespace (`\s`): the pieces `text.split(/\s+/)` gives that are not empty. Counting
 * stops past `stopAfter` words (at `stopAfter + 1`): a rule that asks whether a paragraph is short need not
 * read a long one to its end.
 */
export function wordCount(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  // A loop rather than a split: the cleaning rules count the words of every line and paragraph.
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const space = isSpace(text.charCodeAt(index));
    if (!space && !inWord) {
      words += 1;
      if (words > stopAfter) return words;
    }
    inWord = !space;
  }
  return words;
}
