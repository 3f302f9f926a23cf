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
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map(rewrite)
        .filter((line) => line.trim() !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph.trim() !== '');
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
