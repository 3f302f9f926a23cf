import type { EldResult } from './eld-detector.js';
import { openNgramTable } from './language-ngrams.ts';
import { createNgramDetector } from './ngram-detector.ts';
import { proseSample } from './prose-sample.ts';

/**
 * Where the language came from: the page or its sender declared it (`<html lang>`, a JSON `language`, a
 * Content-Language header, metadata); it was detected on the article's prose; or detection could not tell
 * (too little prose, or no clear winner) and English, the language the analysis was built for, is assumed.
 */
export type LanguageSource = 'declared' | 'detected' | 'assumed';

export interface LanguageDecision {
  /** ISO 639-1 code. */
  readonly language: string;
  /**
   * 1 when declared; when detected, how far the best language leads the runner-up (1 - runner-up / best
   * of the detector's scores, 1 for a script only one language writes); 0 when assumed.
   */
  readonly confidence: number;
  readonly source: LanguageSource;
}

/** The language assumed when detection cannot tell: the summariser's and the tagger's. */
export const ASSUMED_LANGUAGE = 'en';
/** Below this many letters of prose, n-gram detection is a guess. */
const MIN_SAMPLE_LETTERS = 80;
/** A detected language must lead the runner-up at least this much (relative), or it is a guess. */
const MIN_LEAD = 0.05;
/** A letter or a combining mark (the vowel signs of Brahmic scripts are marks). */
const LETTER = /^[\p{L}\p{M}]$/u;
/** Scripts written by one language each that the detector does not know. */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?=[\p{L}\p{M}])\p{Script=Myanmar}/gu, 'my'],
  [/(?=[\p{L}\p{M}])\p{Script=Khmer}/gu, 'km'],
  [/(?=[\p{L}\p{M}])\p{Script=Sinhala}/gu, 'si'],
  [/(?=[\p{L}\p{M}])\p{Script=Tibetan}/gu, 'bo'],
  [/(?=[\p{L}\p{M}])\p{Script=Mongolian}/gu, 'mn'],
  [/(?=[\p{L}\p{M}])\p{Script=Thaana}/gu, 'dv'],
];
/** Any letter of the scripts above: when a sample has none, none of them can win. */
const ANY_SCRIPT_LANGUAGE =
  /(?=[\p{L}\p{M}])[\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Sinhala}\p{Script=Tibetan}\p{Script=Mongolian}\p{Script=Thaana}]/u;
/**
 * The Unicode blocks of those scripts, and every character past the BMP: a test without Unicode properties
 * that matches wherever ANY_SCRIPT_LANGUAGE can (tests/shared/clean/detect-language.test.ts checks every code
 * point), so a text it does not match needs no script count.
 */
const SCRIPT_BLOCKS =
  /[\u0780-\u07bf\u0d80-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af\ua9e0-\ua9ff\uaa60-\uaa7f\ud800-\udfff]/;
/**
 * eld reads the first 1,000 characters of what it is given (`detect` cuts the text there): with no script
 * to count, a sample that long with letters enough decides as the whole sample would.
 */
export const ELD_READS_CHARS = 1000;
/** A script counts when it writes at least this share of the sample's letters. */
const SCRIPT_SHARE = 0.5;
const LANGUAGE_TAG = /^([a-z]{2,3})(?:$|[-_])/iu;

/**
 * eld's medium n-gram table (60 languages), read from next to this module (the bundles copy it beside
 * themselves as models/language-ngrams.bin) on the first detection.
 */
export const LANGUAGE_NGRAMS_FILE = new URL('./models/language-ngrams.bin', import.meta.url);

/**
 * An n-gram detector with eld's interface (bench:language compares eld's tables through it); like eld's,
 * it reads no more than the first ELD_READS_CHARS of a text.
 */
export interface LanguageDetector {
  detect(text: string): EldResult;
}

let medium: LanguageDetector | undefined;

/**
 * eld's detection (ngram-detector.ts: eld's steps, scoring the table in place) on the table of
 * LANGUAGE_NGRAMS_FILE, made on first use and kept for the process.
 */
function eld(): LanguageDetector {
  medium ??= createNgramDetector(openNgramTable(LANGUAGE_NGRAMS_FILE));
  return medium;
}

/** Whether the text has a letter of a script in SCRIPT_LANGUAGES, tried on the blocks first. */
export function hasScriptLanguageLetter(text: string): boolean {
  return SCRIPT_BLOCKS.test(text) && ANY_SCRIPT_LANGUAGE.test(text);
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Letters and combining marks, by code point, without making a string of each (ASCII without a regex). */
function countLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters += 1;
      continue;
    }
    const point = text.codePointAt(i) as number;
    if (LETTER.test(String.fromCodePoint(point))) letters += 1;
    if (point > 0xffff) i += 1;
  }
  return letters;
}

/** "en-GB", "EN", "en_US" -> "en"; anything that is not a language tag -> undefined. */
export function languageOfTag(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : LANGUAGE_TAG.exec(tag.trim())?.[1]?.toLowerCase();
}

function assumed(): LanguageDecision {
  return { language: ASSUMED_LANGUAGE, confidence: 0, source: 'assumed' };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The language of a prose sample, or undefined when the detector cannot tell. */
function detect(
  { sample, letters }: { sample: string; letters: number },
  detector: LanguageDetector,
): LanguageDecision | undefined {
  if (letters < MIN_SAMPLE_LETTERS) return undefined;
  // One pass for all six scripts first: news in them is rare, and each count scans the whole sample.
  if (hasScriptLanguageLetter(sample)) {
    for (const [script, language] of SCRIPT_LANGUAGES) {
      if (count(sample, script) >= SCRIPT_SHARE * letters)
        return { language, confidence: 1, source: 'detected' };
    }
  }
  const result = detector.detect(sample);
  if (result.language === '' || !result.isReliable()) return undefined;
  const [best = 0, second = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
  const lead = best > 0 ? 1 - second / best : 0;
  if (lead < MIN_LEAD) return undefined;
  return { language: result.language, confidence: round(lead), source: 'detected' };
}

/**
 * The article's language. A declared language wins; otherwise it is detected on the prose of the text
 * only (tables, lists, headlines in capitals and lines of names or numbers are left out, since they fool
 * n-gram detectors); when detection cannot tell, English is assumed, so that the article is analysed
 * rather than left without facts.
 */
export function detectLanguage(
  text: string,
  declared?: string,
  detector?: LanguageDetector,
): LanguageDecision {
  const declaredLanguage = languageOfTag(declared);
  if (declaredLanguage !== undefined)
    return { language: declaredLanguage, confidence: 1, source: 'declared' };
  return detect(sampleToDetect(text), detector ?? eld()) ?? assumed();
}

/**
 * The prose sample detection needs: the whole sample (SAMPLE_CHARS) when a script must be counted on it or
 * its start is short of letters; otherwise its first ELD_READS_CHARS, all that eld reads of it, so that
 * the prose of a long article is not sampled further than it is read. With its letters, counted once.
 */
function sampleToDetect(text: string): { sample: string; letters: number } {
  // A sample ends where a line does (less its newline): asked for one more, it holds all that eld reads.
  const start = proseSample(text, ELD_READS_CHARS + 1);
  if (hasScriptLanguageLetter(text)) return withLetters(proseSample(text));
  const letters = countLetters(start);
  return letters < MIN_SAMPLE_LETTERS ? withLetters(proseSample(text)) : { sample: start, letters };
}

const withLetters = (sample: string) => ({ sample, letters: countLetters(sample) });
