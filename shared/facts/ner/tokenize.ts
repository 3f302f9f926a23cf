/** One token of the input; `text === input.slice(start, end)`. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A sentence: consecutive tokens, in order. */
export type Sentence = readonly Token[];

const URL = String.raw`(?:https?:\/\/|www\.)[^\s"“”<>()]*[^\s"“”<>().,;:!?'’]`;
const INITIALISM = String.raw`\p{Lu}(?:\.\p{Lu})+\.?`;
const NUMBER = String.raw`\p{N}+(?:[.,:/]\p{N}+)*(?:-?[\p{L}\p{N}]+)*`;
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&.][\p{L}\p{M}\p{N}]+)*`;
const DASHES = '-{2,}|[–—]';
const DOTS = String.raw`\.{2,}|…`;
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
const SENTENCE_END = /^(?:[.!?]+|\.{2,}|…)$/u;
const CLOSING = /^["”’')\]]$/u;
const LINE_FEED = 10;

/** Whether `text[from .. to]` holds a line break (without slicing it out). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === LINE_FEED) return true;
  return false;
}

function keepsPeriod(word: string, text: string, end: number): boolean {
  if (text[end] !== '.') return false;
  return SINGLE_CAPITAL.test(word) || ABBREVIATIONS.has(word);
}

function pushWord(tokens: Token[], text: string, start: number, end: number): void {
  const word = text.slice(start, end);
  // A clitic starts with an apostrophe, so most words need not try the pattern.
  const clitic = word.includes("'") || word.includes('’') ? CLITIC.exec(word) : null;
  if (clitic?.[1] && clitic[2]) {
    const split = start + clitic[1].length;
    tokens.push({ text: clitic[1], start, end: split });
    tokens.push({ text: clitic[2], start: split, end });
    return;
  }
  tokens.push({ text: word, start, end });
}

/**
 * Splits raw text into tokens with exact character offsets, close to CoNLL/PTB conventions so that
 * features learned on CoNLL transfer: punctuation, quotes and dashes apart, clitics ('s, n't) apart,
 * hyphenated words, numbers, initialisms (U.S.) and known abbreviations (Mr., Inc.) kept whole.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    let end = start + match[0].length;
    if (keepsPeriod(match[0], text, end)) end += 1;
    pushWord(tokens, text, start, end);
    pattern.lastIndex = end;
  }
  return tokens;
}

/** A closing quote or bracket glued to the token before it ('said."', 'side.”'). */
function closes(token: Token, before: Token | undefined): boolean {
  return before !== undefined && token.start === before.end && CLOSING.test(token.text);
}

function startsSentence(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token || !previous) return true;
  if (hasLineBreak(text, previous.end, token.start)) return true;
  if (closes(token, previous)) return false;
  if (SENTENCE_END.test(previous.text)) return true;
  const prior = tokens[index - 2];
  return closes(previous, prior) && prior !== undefined && SENTENCE_END.test(prior.text);
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
