import { startsLowercase, startsUppercase, startsWithLetter } from './first-letter.ts';

/**
 * The candidates of key phrases (key-phrases.ts) as a sentence's tokens give them: runs of content words between
 * stopwords and punctuation, capitalised runs as names (`of` allowed inside: `Bank of England`; `New` starts one:
 * `New Zealand`), each possessive ending its run.
 */

const STOPWORDS = new Set(
  (
    'a about above across after again against ago ahead all almost along already also although always am among an ' +
    'and another any anyone anything are around as at away back be became because become been before being below ' +
    'between both but by can cannot could did do does doing done down during each either else enough even ever ' +
    'every few for from further get gets getting give given go goes going gone got had has have having he her here ' +
    'hers herself him himself his how however i if in including into is it its itself just last later least less ' +
    'let like made make makes making many may me might more most much must my myself near need never new next no ' +
    'nor not nothing now of off often on once one only onto or other others our ours out over own past per perhaps ' +
    'put rather really said same say saying says see seen she should since so some something still such take taken ' +
    'than that the their theirs them themselves then there these they this those though through thus to told too ' +
    'took toward towards under until up upon us use used very via was way we well went were what whatever when ' +
    'where whether which while who whole whom whose why will with within without would yet you your yours ' +
    'yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday week weeks year years ' +
    'time times day days month months mr mrs ms dr added asked claimed explained insisted revealed admitted ' +
    'according believe believed think thought want wanted came come comes know known seemed seems look looked ' +
    'two three four five six seven eight nine ten first second third old lot lots thing things part ' +
    'despite although unless whereas meanwhile moreover instead indeed'
  ).split(' '),
);
const LONGEST_STOPWORD = Math.max(...[...STOPWORDS].map((word) => word.length));
/** Words kept inside a name: `Bank of England`, `Duchess of Cambridge`. */
export const NAME_JOINERS = new Set(['of', 'de', 'la', 'del', 'von', 'van', 'der', 'du', 'da']);
const POSSESSIVE = /['\u2019]s?$/;
const CONTRACTION = /['\u2019](?:ve|re|ll|d|m|t)$/i;
/** `New` is a stopword, but starts a name when a capitalised word follows: `New Zealand`, `New York`. */
const NAME_START = 'New';

/**
 * The token at `index`, or undefined outside the list: reading past either end of an array (`tokens[-1]`)
 * makes V8 throw away the code it optimised for reads within it (`out of bounds`, bench:deopts).
 */
export const tokenAt = (tokens: readonly string[], index: number): string | undefined =>
  index >= 0 && index < tokens.length ? tokens[index] : undefined;

/**
 * Only a token with an apostrophe can be a possessive or a contraction: the regular expressions need not look.
 * (One loop over the character codes: this runs for every token of the article.)
 */
function hasApostrophe(token: string): boolean {
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code === 39 || code === 0x2019) return true;
  }
  return false;
}

/**
 * A word that can be part of a key phrase: three letters or more (two if capitalised), no stopword, no
 * contraction. contentRuns tells what it knows already: whether the word starts with a capital letter and whether it
 * has an apostrophe.
 */
function isContent(word: string, capitalised: boolean, apostrophe: boolean): boolean {
  return (
    word.length >= (capitalised ? 2 : 3) &&
    !(word.length <= LONGEST_STOPWORD && STOPWORDS.has(word.toLowerCase())) &&
    !(apostrophe && CONTRACTION.test(word))
  );
}

export interface Run {
  readonly words: string[];
  /** Each word's index in the sentence's tokens. */
  readonly at: number[];
  readonly isName: boolean;
  readonly atStart: boolean;
}

/** The run being read, while contentRuns reads a sentence. */
interface RunReading {
  readonly runs: Run[];
  words: string[];
  at: number[];
  isName: boolean;
  atStart: boolean;
}

/**
 * Ends the run being read: without the name joiners it ends on (`Bank of`), it joins the runs when it is a name
 * or two or more common words. An empty run keeps its arrays: most tokens end a run that never began. (A function
 * rather than a closure in contentRuns: the bundle's keepNames makes closures costly to create.)
 */
function endRun(reading: RunReading): void {
  const { words, at } = reading;
  if (words.length === 0) return;
  while (words.length > 0 && NAME_JOINERS.has(words[words.length - 1] as string)) {
    words.pop();
    at.pop();
  }
  // One common word is never a key phrase: only names and longer runs are kept (and read for verbs).
  if (words.length > (reading.isName ? 0 : 1)) {
    reading.runs.push({ words, at, isName: reading.isName, atStart: reading.atStart });
    reading.words = [];
    reading.at = [];
  } else {
    words.length = 0;
    at.length = 0;
  }
}

/**
 * Runs of content words in one sentence. Capitalised runs are names, except that a capitalised first word the
 * text also uses in lower case (`Actress`, `Despite`) is an ordinary word. A possessive ends its run.
 */
export function contentRuns(tokens: readonly string[], lowercaseWords: ReadonlySet<string>): Run[] {
  const reading: RunReading = { runs: [], words: [], at: [], isName: false, atStart: false };
  let seenWord = false;
  for (let index = 0; index < tokens.length; index++) {
    const raw = tokens[index] as string;
    const apostrophe = hasApostrophe(raw);
    const isPossessive = apostrophe && POSSESSIVE.test(raw) && !CONTRACTION.test(raw);
    const token = apostrophe ? raw.replace(POSSESSIVE, '') : raw;
    const isWord = startsWithLetter(token);
    const capitalised = isWord && startsUppercase(token);
    const isFirstWord = !seenWord && isWord;
    if (isWord) seenWord = true;
    if (reading.isName && reading.words.length > 0 && NAME_JOINERS.has(token)) {
      reading.words.push(token);
      reading.at.push(index);
      continue;
    }
    if (token === NAME_START && startsUppercase(tokenAt(tokens, index + 1) ?? '')) {
      if (!reading.isName) endRun(reading);
      if (reading.words.length === 0) reading.atStart = isFirstWord;
      reading.isName = true;
      reading.words.push(token);
      reading.at.push(index);
      continue;
    }
    if (!(isWord && isContent(token, capitalised, apostrophe && hasApostrophe(token)))) {
      endRun(reading);
      continue;
    }
    const nameWord = capitalised && !(isFirstWord && lowercaseWords.has(token.toLowerCase()));
    if (reading.words.length > 0 && nameWord !== reading.isName) endRun(reading);
    if (reading.words.length === 0) {
      reading.isName = nameWord;
      reading.atStart = isFirstWord;
    }
    reading.words.push(token);
    reading.at.push(index);
    if (isPossessive) endRun(reading);
  }
  endRun(reading);
  return reading.runs;
}

/** Every word the text writes in lower case at least once. */
export function lowercaseVocabulary(tokenLists: readonly (readonly string[])[]): Set<string> {
  const words = new Set<string>();
  for (const tokens of tokenLists) {
    for (const token of tokens) if (startsLowercase(token)) words.add(token);
  }
  return words;
}
