import { dictionary, type EldResult, LanguageResult, separators } from './eld-detector.js';
import { type NgramTable, PAIRS_PER_NGRAM } from './language-ngrams.ts';

/**
 * eld's `detect`, step for step, over a table read in place (language-ngrams.ts): the same text processing
 * (its separators, lower case, its byte characters, cut after 350 bytes at a space or 380 anywhere), the same
 * distinct n-grams (4 bytes at a stride of 3, a space before a word's first and after its last), the same
 * integer scores (each n-gram's table score plus 53 per language, summed exactly in any order) and eld's own
 * LanguageResult over them. What differs is how: a Set of n-grams rather than an object in dictionary mode,
 * and scores read as byte pairs from the table rather than through objects keyed by language, which made
 * eld's scoring most of detection's cost. tests/shared/clean/language-ngrams.test.ts checks it against eld.
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

/** A detector with eld's `detect` over `table`. */
export function createNgramDetector(table: NgramTable): { detect(text: string): EldResult } {
  const languageCount = Object.keys(table.languages).length;
  const { pairs } = table;
  return {
    detect(text: string): EldResult {
      const processed = text.substring(0, READ_CHARS).replace(separators, ' ').trim().toLowerCase();
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
      if (best === undefined) return new LanguageResult('', [], 0, {});
      const language = table.languages[best as unknown as number] as string;
      return new LanguageResult(language, scores, ngrams.size, table.languages);
    },
  };
}
