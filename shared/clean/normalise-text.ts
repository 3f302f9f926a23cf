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
 * Whether character code `code` is one that a replacement of normaliseText matches (a control character but
 * a newline, a carriage return, a line separator, an invisible, space-like or look-alike character), by code:
 * the characters of the expressions above, tests/shared/clean/normalise-text.test.ts checks every code unit.
 */
export function isReplaced(code: number): boolean {
  if (code < 0x80) return code !== 10 && (code < 0x20 || code === 0x7f);
  if (code < 0x1680) return code === 0xa0 || code === 0xad || code === 0x85;
  if (code === 0x1680 || code === 0x3000 || code === 0xfeff) return true;
  if (code < 0x2000 || code > 0x2060) return false;
  return (
    code <= 0x200d ||
    (code >= 0x2010 && code <= 0x2012) ||
    code === 0x2015 ||
    code === 0x201b ||
    code === 0x201f ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060
  );
}

/** Whether `text` has half of a surrogate pair: only then can one be alone. */
function hasSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** Whether `text` holds anything normaliseText's replacements would change: such a character, or two spaces. */
function needsReplacements(text: string): boolean {
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isReplaced(code) || (code === 32 && previous === 32)) return true;
    previous = code;
  }
  return false;
}

export function normaliseText(text: string): string {
  const normalised = (hasSurrogate(text) ? wellFormed(text) : text).normalize('NFC');
  // Most text has none of what the replacements fold: one pass over its codes instead of eleven expressions.
  if (!needsReplacements(normalised)) return normalised;
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
