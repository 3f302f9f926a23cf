/** One token of the input; `text === input.slice(start, end)`. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A sentence: consecutive tokens, in order. */
export type Sentence = readonly Token[];

// The patterns' curly quotes and ellipsis are written as \u escapes, which mean the same in a RegExp's pattern:
// a String.raw template keeps the characters as written, and a non-ASCII one there would stop the function
// bundles' build (infra/runtime/escape-non-ascii.cjs says why).
const URL = String.raw`(?:https?:\/\/|www\.)[^\s"\u201C\u201D<>()]*[^\s"\u201C\u201D<>().,;:!?'\u2019]`;
const INITIALISM = String.raw`\p{Lu}(?:\.\p{Lu})+\.?`;
const NUMBER = String.raw`\p{N}+(?:[.,:/]\p{N}+)*(?:-?[\p{L}\p{N}]+)*`;
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'\u2019&.][\p{L}\p{M}\p{N}]+)*`;
const DASHES = '-{2,}|[–—]';
const DOTS = String.raw`\.{2,}|\u2026`;
const TOKEN = new RegExp(`${URL}|${INITIALISM}|${NUMBER}|${WORD}|${DASHES}|${DOTS}|\\S`, 'gu');

/** English clitics split off the end of a word, as in CoNLL/PTB ("Blinken's" -> "Blinken" "'s"). */
const CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;
/** Words that keep their trailing period ("Mr.", "Inc.", "Calif."), matched as written; initials also do. */
const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Dr St Jr Sr Gen Sen Rep Gov Lt Col Capt Cmdr Sgt Adm Prof Rev Messrs Mt Ft Inc Corp Ltd Co ' +
    'Bros Plc Cos vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ala Ariz Ark Calif Colo Conn Del ' +
    'Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo'
  ).split(' '),
);
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const ELLIPSIS = 0x2026;
const LINE_FEED = 10;
const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;

/** Whether `text[from .. to]` holds a line break (without slicing it out). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === LINE_FEED) return true;
  return false;
}

function keepsPeriod(word: string, text: string, end: number): boolean {
  if (text[end] !== '.') return false;
  return SINGLE_CAPITAL.test(word) || ABBREVIATIONS.has(word);
}

/** Whether `text[from .. to]` holds an apostrophe, straight or curly (read in the text, not in a word sliced out). */
function hasApostrophe(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE) return true;
  }
  return false;
}

function pushWord(tokens: Token[], text: string, start: number, end: number): void {
  const word = text.slice(start, end);
  // A clitic starts with an apostrophe, so most words need not try the pattern.
  const clitic = hasApostrophe(text, start, end) ? CLITIC.exec(word) : null;
  if (clitic?.[1] && clitic[2]) {
    const split = start + clitic[1].length;
    tokens.push({ text: clitic[1], start, end: split });
    tokens.push({ text: clitic[2], start: split, end });
    return;
  }
  tokens.push({ text: word, start, end });
}

const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isAsciiAlphanumeric = (code: number) => isAsciiLetter(code) || (code >= 48 && code <= 57);
/** `\s` among ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const isWordJoiner = (code: number) => code === 45 || code === 39 || code === 38 || code === 46; // - ' & .
const NON_ASCII = 128;
const HYPHEN = 45;
const PERIOD = 46;
const EXCLAMATION = 33;
const QUESTION = 63;

/**
 * The code unit at `index`, or -1 past the end. `charCodeAt` past the end gives NaN, a double where the callers
 * expect small integers, and reads out of bounds: both make V8 throw away the code it optimised for them.
 */
const codeAt = (text: string, index: number): number => (index < text.length ? text.charCodeAt(index) : -1);

/** The end of a run of `code` from `from` on. */
function runEnd(text: string, from: number, code: number): number {
  let end = from;
  while (codeAt(text, end) === code) end += 1;
  return end;
}

/**
 * The end of the token `TOKEN` matches at `start` (a character that is not white space), found without the
 * pattern when the text there is plain ASCII and the pattern's answer is plain: a word of ASCII letters and
 * digits joined by - ' & . (WORD), a run of hyphens or periods (DASHES, DOTS) or one other character (\S).
 * -1 where the pattern must decide: anything non-ASCII, a number, a URL, a capital followed by a period.
 */
function plainTokenEnd(text: string, start: number): number {
  const code = text.charCodeAt(start);
  if (code >= NON_ASCII || (code >= 48 && code <= 57)) return -1;
  if (code === HYPHEN || code === PERIOD) {
    const end = runEnd(text, start, code);
    return end - start >= 2 ? end : start + 1;
  }
  if (!isAsciiLetter(code)) return start + 1;
  if (text.startsWith('http://', start) || text.startsWith('https://', start)) return -1;
  if (text.startsWith('www.', start)) return -1;
  if (code <= 90 && codeAt(text, start + 1) === PERIOD) return -1;
  let end = start + 1;
  for (;;) {
    let next = codeAt(text, end);
    while (isAsciiAlphanumeric(next)) {
      end += 1;
      next = codeAt(text, end);
    }
    if (next >= NON_ASCII) return -1;
    if (!isWordJoiner(next)) return end;
    const after = codeAt(text, end + 1);
    if (after >= NON_ASCII) return -1;
    if (!isAsciiAlphanumeric(after)) return end;
    end += 1;
  }
}

/** Adds the token from `start` to the end of the match (one more for a kept period) and returns its end. */
function addMatch(tokens: Token[], text: string, start: number, matchEnd: number): number {
  // Most matches are not followed by a period: their text is sliced once, by pushWord.
  const end =
    codeAt(text, matchEnd) === PERIOD && keepsPeriod(text.slice(start, matchEnd), text, matchEnd)
      ? matchEnd + 1
      : matchEnd;
  pushWord(tokens, text, start, end);
  return end;
}

/**
 * Splits raw text into tokens with exact character offsets, close to CoNLL/PTB conventions so that
 * features learned on CoNLL transfer: punctuation, quotes and dashes apart, clitics ('s, n't) apart,
 * hyphenated words, numbers, initialisms (U.S.) and known abbreviations (Mr., Inc.) kept whole.
 * Tokens are the matches of `TOKEN`; plain ASCII words and punctuation are read without running it
 * (`plainTokenEnd`, which gives the same tokens: `tokenizeWithPattern` is the reference a test compares).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  let position = 0;
  while (position < text.length) {
    if (isAsciiSpace(text.charCodeAt(position))) {
      position += 1;
      continue;
    }
    const end = plainTokenEnd(text, position);
    if (end >= 0) {
      position = addMatch(tokens, text, position, end);
      continue;
    }
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) break;
    position = addMatch(tokens, text, match.index, match.index + match[0].length);
  }
  return tokens;
}

/** `tokenize` with every token found by the pattern: the reference for tests. */
export function tokenizeWithPattern(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    pattern.lastIndex = addMatch(tokens, text, match.index, match.index + match[0].length);
  }
  return tokens;
}

/** A closing quote or bracket: " ” ’ ' ) ]. */
const isClosing = (code: number): boolean =>
  code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d || code === 0x201d || code === 0x2019;

/**
 * A closing quote or bracket glued to the token before it ('said."', 'side.”'), a token of one character read
 * by code unit in the text. Tokens are read by their offsets into the one text, not by their own strings:
 * those are of several kinds (sliced, copied, one or two bytes a character), and code reading them all is
 * slower (V8's property loads on them turn megamorphic).
 */
function closes(text: string, token: Token, before: Token | undefined): boolean {
  return (
    before !== undefined &&
    token.start === before.end &&
    token.end - token.start === 1 &&
    isClosing(text.charCodeAt(token.start))
  );
}

/** Whether a token ends a sentence: a run of . ! ? or an ellipsis (read by code unit in the text). */
function endsSentence(text: string, token: Token): boolean {
  const { start, end } = token;
  if (end - start === 1 && text.charCodeAt(start) === ELLIPSIS) return true;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code !== PERIOD && code !== EXCLAMATION && code !== QUESTION) return false;
  }
  return end > start;
}

function startsSentence(text: string, tokens: readonly Token[], index: number): boolean {
  if (index === 0 || index >= tokens.length) return true;
  const token = tokens[index] as Token;
  const previous = tokens[index - 1] as Token;
  if (hasLineBreak(text, previous.end, token.start)) return true;
  if (closes(text, token, previous)) return false;
  if (endsSentence(text, previous)) return true;
  if (index < 2) return false;
  const prior = tokens[index - 2] as Token;
  return closes(text, previous, prior) && endsSentence(text, prior);
}

/**
 * The longest sentence the tagger decodes at once. CoNLL's longest is 124 tokens; text without punctuation
 * (a 5 MB run of words) would otherwise make one sentence whose features and lattice fill the memory.
 */
export const MAX_SENTENCE_TOKENS = 256;

/**
 * Tokens grouped into sentences: a new sentence after a line break or after . ! ? (and closing quotes), or
 * after MAX_SENTENCE_TOKENS tokens.
 */
export function tokenizeSentences(text: string): Sentence[] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  const tokens = tokenize(text);
  tokens.forEach((token, index) => {
    if (
      current.length >= MAX_SENTENCE_TOKENS ||
      (current.length > 0 && startsSentence(text, tokens, index))
    ) {
      sentences.push(current);
      current = [];
    }
    current.push(token);
  });
  if (current.length > 0) sentences.push(current);
  return sentences;
}
