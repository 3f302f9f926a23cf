/**
 * Unicode and whitespace normalisation. Deliberately conservative about punctuation: typographic quotes
 * (‘ ’ “ ”) and dashes (– —) are kept exactly as published, because summaries and quotes are taken verbatim
 * from the text and must match the source. Only rare look-alikes are folded into their common form.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
const HYPHEN_LIKE = /[\u2010\u2011]/g;
const FIGURE_DASH = /\u2012/g;
const HORIZONTAL_BAR = /\u2015/g;
const REVERSED_SINGLE_QUOTE = /\u201B/g;
const REVERSED_DOUBLE_QUOTE = /\u201F/g;
const CARRIAGE_RETURN = /\r\n?/g;
const LINE_SEPARATOR = /[\u2028\u2029\u0085]/g;
const SPACE_RUN = / {2,}/g;
/** A UTF-16 surrogate without its partner (JSON's "\ud800", a bad entity): JSON and UTF-8 cannot carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/** Replaces lone surrogates with U+FFFD, as a UTF-8 encoder would, so offsets survive storage unchanged. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Any character that one of the replacements below matches (a control character but a newline, a carriage
 * return, a line separator, an invisible, space-like or look-alike character), or two spaces: the expressions'
 * characters in one class (tests/shared/clean/normalise-text.test.ts checks it on every code unit).
 */
export const REPLACED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those folded
  /[\u0000-\u0009\u000B-\u001F\u007F\u0085\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2012\u2015\u201B\u201F\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]| {2}/;
const SURROGATE = /[\uD800-\uDFFF]/;

export function normaliseText(text: string): string {
  // Only text with half of a surrogate pair can have one alone.
  const normalised = (SURROGATE.test(text) ? wellFormed(text) : text).normalize('NFC');
  // Most text has none of what the replacements fold: one search instead of eleven replacements.
  if (!REPLACED.test(normalised)) return normalised;
  return normalised
    .replace(CARRIAGE_RETURN, '\n')
    .replace(LINE_SEPARATOR, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(SPACE_LIKE, ' ')
    .replace(HYPHEN_LIKE, '-')
    .replace(FIGURE_DASH, '–')
    .replace(HORIZONTAL_BAR, '—')
    .replace(REVERSED_SINGLE_QUOTE, '‘')
    .replace(REVERSED_DOUBLE_QUOTE, '“')
    .replace(SPACE_RUN, ' ');
}
