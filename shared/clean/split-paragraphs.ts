/** Plain text to paragraphs (each may keep several lines), and lines back to one line with de-hyphenation. */

const BLANK_LINE = /\n[ \t]*\n/;
const LINE_BREAK = '\n';
const HYPHEN_BREAK = /(\p{Ll})-$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;
const ENDS_SENTENCE = /[.!?:;"'’”)\]]$/;
/**
 * Longer than any line of hard-wrapped text (mail and terminals wrap at 72-80 characters, some editors near 100):
 * a block of lines with a line this long before its last was not wrapped, it is paragraphs one to a line.
 */
const UNWRAPPED_LINE = 160;

/**
 * Text with blank lines: paragraphs are separated by blank lines, and the lines of a block are wrapped lines of
 * one paragraph unless the block is paragraphs one to a line (`isUnwrapped`: a title, a blank line, then the
 * story with single line breaks). Text without any: each line is a paragraph,
 * except that a line ending mid-sentence followed by a lowercase line is a hard wrap and continues it.
 */
export function splitParagraphs(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (BLANK_LINE.test(trimmed)) {
    return trimmed
      .split(BLANK_LINE)
      .flatMap((block) => (isUnwrapped(block) ? linesOf(block) : [block]))
      .map((paragraph) => paragraph.trim());
  }
  const paragraphs: string[][] = [];
  let previousLine: string | undefined;
  for (const line of trimmed.split(LINE_BREAK)) {
    const current = line.trim();
    if (current === '') continue;
    const continues =
      previousLine !== undefined && !ENDS_SENTENCE.test(previousLine) && STARTS_LOWERCASE.test(current);
    if (continues) paragraphs.at(-1)?.push(line);
    else paragraphs.push([line]);
    previousLine = current;
  }
  return paragraphs.map((lines) => lines.join(LINE_BREAK));
}

/** A line before the block's last (which may run on) is too long to be a hard wrap: one paragraph a line. */
function isUnwrapped(block: string): boolean {
  return linesOf(block)
    .slice(0, -1)
    .some((line) => line.trim().length > UNWRAPPED_LINE);
}

const linesOf = (block: string) => block.split(LINE_BREAK).filter((line) => line.trim() !== '');

/** Joins a paragraph's lines with spaces; "exam-" + "ple" across a line break becomes "example". */
export function joinLines(paragraph: string): string {
  const lines = paragraph
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const parts: string[] = [];
  let previous: string | undefined;
  for (const line of lines) {
    if (previous === undefined) parts.push(line);
    else if (HYPHEN_BREAK.test(previous) && STARTS_LOWERCASE.test(line)) {
      parts[parts.length - 1] = (parts.at(-1) ?? '').slice(0, -1);
      parts.push(line);
    } else parts.push(` ${line}`);
    previous = line;
  }
  return parts.join('');
}
