import { avgScore, dictionary, type EldResult, separators } from './eld-detector.js';
import { type NgramTable, PAIRS_PER_NGRAM } from './language-ngrams.ts';

/**
 * eld's `detect`, step for step, over a table read in place (language-ngrams.ts): the same text processing
 * (its separators, lower case, its byte characters, cut after 350 bytes at a space or 380 anywhere), the same
 * distinct n-grams (4 bytes at a stride of 3, a space before a word's first and after its last), the same
 * integer scores (each n-gram's table score plus 53 per language, summed exactly in any order) and eld's
 * LanguageResult's scaled scores and reliability over them. What differs is how: eld's separators replaced by
 * a scan of character codes rather than its expression, a Set of n-grams rather than an object in dictionary
 * mode, scores read as byte pairs from the table rather than through objects keyed by language (which made
 * eld's scoring most of detection's cost), and the scaled scores ordered once in arrays rather than by eld's
 * `for...in` over an array. tests/shared/clean/language-ngrams.test.ts checks it against eld.
 */

/** eld reads no more of a text than this. */
const READ_CHARS = 1000;
/** eld cuts its byte string at the first space after this many bytes, and anywhere after the next limit. */
const CUT_AFTER_BYTES = 350;
const ENFORCED_CUT_BYTES = 380;
/** eld subtracts this from every score in its tables, and adds it back while scoring. */
const BASE_NGRAM_SCORE = 53;
/** eld caps a word at this many bytes when taking its n-grams. */
const MAX_WORD_BYTES = 70;

/** eld's letters: the characters its separators expression negates (the letters of the BMP, by eld's tables). */
const NOT_ELD_LETTER = new RegExp(`^${separators.source.slice(0, separators.source.indexOf(']') + 1)}$`, 'u');
/** Whether each BMP code unit is one of eld's letters, found by NOT_ELD_LETTER the first time it is met: 0 not yet, 1 yes, 2 no. */
const ELD_LETTERS = new Uint8Array(0x10000);

/** Whether the UTF-16 code unit `code` is one of eld's letters (half of a surrogate pair never is). */
export function isEldLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let kind = ELD_LETTERS[code] as number;
  if (kind === 0) {
    kind = NOT_ELD_LETTER.test(String.fromCharCode(code)) ? 2 : 1;
    ELD_LETTERS[code] = kind;
  }
  return kind === 1;
}

/** The characters eld's separators may not end on: an apostrophe, a backtick, a right single quote. */
const isApostrophe = (code: number) => code === 0x27 || code === 0x60 || code === 0x2019;

/**
 * `text.replace(separators, ' ')` by character codes: eld's separators are maximal runs of non-letters, less
 * the apostrophes they end on (`[^letters]+(?<!['`\u2019])`), so each run of non-letters up to its last
 * character that is no apostrophe becomes one space, and a run of apostrophes alone stays.
 */
export function replaceSeparators(text: string): string {
  let replaced = '';
  let copiedTo = 0;
  let index = 0;
  while (index < text.length) {
    if (isEldLetter(text.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const start = index;
    let lastOther = -1;
    for (; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (isEldLetter(code)) break;
      if (!isApostrophe(code)) lastOther = index;
    }
    if (lastOther < 0) continue;
    replaced += `${text.slice(copiedTo, start)} `;
    copiedTo = lastOther + 1;
  }
  return copiedTo === 0 ? text : replaced + text.slice(copiedTo);
}

/** eld's `strToUtf8Bytes`: the words of a processed text, each byte as one of eld's byte characters. */
function byteWords(text: string): string[] {
  let encoded = '';
  const words: string[] = [];
  let countBytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > CUT_AFTER_BYTES) break;
      } else {
        encoded += text[i];
      }
      countBytes += 1;
    } else if (code < 0x800) {
      encoded += `${dictionary[0xc0 | (code >> 6)]}${dictionary[0x80 | (code & 0x3f)]}`;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += `${dictionary[0xe0 | (code >> 12)]}${dictionary[0x80 | ((code >> 6) & 0x3f)]}${dictionary[0x80 | (code & 0x3f)]}`;
      countBytes += 3;
    } else {
      i += 1;
      code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
      encoded += `${dictionary[0xf0 | (code >> 18)]}${dictionary[0x80 | ((code >> 12) & 0x3f)]}${dictionary[0x80 | ((code >> 6) & 0x3f)]}${dictionary[0x80 | (code & 0x3f)]}`;
      countBytes += 4;
    }
    if (countBytes > ENFORCED_CUT_BYTES) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** eld's `getByteNgrams`: the distinct n-grams of the words. */
function byteNgrams(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const length = Math.min(word.length, MAX_WORD_BYTES);
    let j = 0;
    for (; j + 4 < length; j += 3) ngrams.add(`${j === 0 ? ' ' : ''}${word.substring(j, j + 4)}`);
    ngrams.add(`${j === 0 ? ' ' : ''}${word.substring(length !== 3 ? length - 4 : 0)} `);
  }
  return ngrams;
}

/** eld's `getMaxLang`: the first index of the highest positive score, as a string key, or undefined. */
function bestLanguage(scores: readonly number[]): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (let index = 0; index < scores.length; index += 1) {
    const score = scores[index] as number;
    if (score > 0 && score > bestScore) {
      bestScore = score;
      best = String(index);
    }
  }
  return best;
}

/** eld's scale for scores per n-gram: a language's result is score / (score + SCALE). */
const SCALE = 25;
/** eld's default share of a language's average score that its best result must reach to be reliable. */
const RELIABLE_SHARE = 0.75;

/**
 * eld's LanguageResult over raw scores by language index: the same scaled scores in the same order (highest
 * first, lower index first on a tie) and the same reliability test, worked out once when first asked.
 */
class NgramResult implements EldResult {
  readonly language: string;
  readonly #scores: readonly number[];
  readonly #ngramCount: number;
  readonly #languages: Readonly<Record<number, string>>;
  /** Indexes of the languages with a positive score, and their scaled scores, highest first. */
  #ordered: { indexes: number[]; scaled: number[] } | undefined;

  constructor(
    language: string,
    scores: readonly number[],
    ngramCount: number,
    languages: Readonly<Record<number, string>>,
  ) {
    this.language = language;
    this.#scores = scores;
    this.#ngramCount = ngramCount;
    this.#languages = languages;
  }

  /** eld's `orderAndScale`. */
  #order(): { indexes: number[]; scaled: number[] } {
    if (this.#ordered !== undefined) return this.#ordered;
    const scaledByIndex: number[] = [];
    const indexes: number[] = [];
    for (let index = 0; index < this.#scores.length; index += 1) {
      const score = this.#scores[index] as number;
      if (!(score > 0)) continue;
      const perNgram = score / this.#ngramCount;
      scaledByIndex[index] = perNgram / (perNgram + SCALE);
      indexes.push(index);
    }
    // Array.prototype.sort is stable, as eld's own sort of [index, scaled] pairs is.
    indexes.sort((a, b) => (scaledByIndex[b] as number) - (scaledByIndex[a] as number));
    this.#ordered = { indexes, scaled: indexes.map((index) => scaledByIndex[index] as number) };
    return this.#ordered;
  }

  /** Scaled scores by language code, highest first. */
  getScores(): Record<string, number> {
    const { indexes, scaled } = this.#order();
    const scores: Record<string, number> = {};
    indexes.forEach((index, rank) => {
      scores[this.#languages[index] as string] = scaled[rank] as number;
    });
    return scores;
  }

  /** eld's `isReliable`, to the letter: its runner-up term is the runner-up's language index, as eld has it. */
  isReliable(thresholdRatio = RELIABLE_SHARE): boolean {
    const { indexes, scaled } = this.#order();
    if (indexes.length === 0 || this.#ngramCount < 3) return false;
    const next = indexes.length > 1 ? (indexes[1] as number) : 0;
    const best = scaled[0] as number;
    return !((avgScore[this.language] as number) * thresholdRatio > best || 0.01 > Math.abs(best - next));
  }
}

/** A detector with eld's `detect` over `table`. */
export function createNgramDetector(table: NgramTable): { detect(text: string): EldResult } {
  const languageCount = Object.keys(table.languages).length;
  const { pairs } = table;
  return {
    detect(text: string): EldResult {
      const processed = replaceSeparators(text.substring(0, READ_CHARS)).trim().toLowerCase();
      const ngrams = byteNgrams(byteWords(processed));
      const scores = new Array<number>(languageCount).fill(0);
      for (const ngram of ngrams) {
        const found = table.find(ngram);
        if (found < 0) continue;
        const first = Math.floor(found / PAIRS_PER_NGRAM);
        const end = first + (found % PAIRS_PER_NGRAM);
        for (let pair = first; pair < end; pair += 1) {
          const language = pairs[pair * 2] as number;
          scores[language] =
            (scores[language] as number) + (pairs[pair * 2 + 1] as number) + BASE_NGRAM_SCORE;
        }
      }
      const best = bestLanguage(scores);
      if (best === undefined) return new NgramResult('', [], 0, {});
      const language = table.languages[best as unknown as number] as string;
      return new NgramResult(language, scores, ngrams.size, table.languages);
    },
  };
}
