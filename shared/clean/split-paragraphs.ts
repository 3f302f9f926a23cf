/** Plain text to paragraphs (each may keep several lines), and lines back to one line with de-hyphenation. */

const BLANK_LINE = /\n[ \t]*\n/;
const LINE_BREAK = '\n';
const HYPHEN_BREAK = /(\p{Ll})-$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;
const ENDS_SENTENCE = /[.!?:;"'’”)\]]$/;

/**
 * Text with blank lines: paragraphs are separated by blank lines. Text without any: each line is a paragraph,
 * except that a line ending mid-sentence followed by a lowercase line is a hard wrap and continues it.
 */
export function splitParagraphs(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (BLANK_LINE.test(trimmed)) return trimmed.split(BLANK_LINE).map((paragraph) => paragraph.trim());
  const paragraphs: string[] = [];
  for (const line of trimmed.split(LINE_BREAK)) {
    const previous = paragraphs.at(-1);
    const continues =
      previous !== undefined && !ENDS_SENTENCE.test(previous.trim()) && STARTS_LOWERCASE.test(line.trim());
    if (continues) paragraphs[paragraphs.length - 1] = `${previous}\n${line}`;
    else paragraphs.push(line);
  }
  return paragraphs.filter((paragraph) => paragraph.trim() !== '');
}

/** Joins a paragraph's lines with spaces; "exam-" + "ple" across a line break becomes "example". */
export function joinLines(paragraph: string): string {
  const lines = paragraph
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  let joined = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    joined =
      HYPHEN_BREAK.test(joined) && STARTS_LOWERCASE.test(line)
        ? `${joined.slice(0, -1)}${line}`
        : `${joined} ${line}`;
  }
  return joined;
}
