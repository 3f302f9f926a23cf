/**
 * Generated large articles for bench:large and the heap-cap test: ordinary prose built from the seed
 * fixture and adversarial shapes (walls of one token, title case everywhere, quotation marks), each
 * deterministic and sized to `targetBytes` of UTF-8 (just under MAX_INPUT_BYTES by default).
 */
import { readFileSync } from 'node:fs';

const SEED = readFileSync(new URL('../tests/fixtures/seed-article.txt', import.meta.url), 'utf8');
/** Just under the 5 MiB input limit, in UTF-8 bytes. */
export const DEFAULT_TARGET_BYTES = 5_000_000;
const MIN_PARAGRAPH = 100;
const MIN_SENTENCE = 40;
const SENTENCE_BREAK = /(?<=[.!?][”"]?)\s+/u;
const DIGITS = /\d+/gu;
const WORD_START = /(?<![\p{L}\p{N}’'])\p{Ll}/gu;

const FIRST_NAMES = 'Ada Bruno Chen Dara Emil Farah Goran Hana Ivo Jun Kofi Lena Mateo Nia Omar Priya'.split(
  ' ',
);
const SURNAMES =
  'Abara Bauer Castillo Dimitrov Eriksen Fujita Galloway Haddad Ibsen Jovanovic Kowalski'.split(' ');
const PLACES = 'Lagos Lyon Osaka Quito Tbilisi Perth Bergen Porto Dakar Hanoi Leeds Turin'.split(' ');
const ORGANISATIONS = 'Harbour Trust|Northwind Bank|Civic Lab|Delta Rail|Arbor Health|Kestrel Media'.split(
  '|',
);
const CAPITALISED_WORDS = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima'.split(
  ' ',
);

const seedParagraphs = SEED.split('\n\n').filter((paragraph) => paragraph.length > MIN_PARAGRAPH);

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

/** Parts produced by `make(i)` joined by `separator`, as many as fit in `targetBytes`. */
function fill(targetBytes: number, make: (index: number) => string, separator = '\n\n'): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; ; index++) {
    const part = make(index);
    bytes += Buffer.byteLength(part) + separator.length;
    if (bytes > targetBytes) return parts.join(separator);
    parts.push(part);
  }
}

const seedSentences = SEED.split(SENTENCE_BREAK).filter((sentence) => sentence.length > MIN_SENTENCE);

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same inputs. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed sentence with its people, places, organisations and numbers swapped for random ones, so that
 * sentences and paragraphs rarely repeat (the cleaner drops repeated paragraphs) and names vary.
 */
function variedSentence(random: () => number): string {
  const choose = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const person = `${choose(FIRST_NAMES)} ${choose(SURNAMES)}`;
  return choose(seedSentences)
    .replaceAll('Antony Blinken', person)
    .replaceAll('Blinken', person.split(' ')[1] ?? person)
    .replaceAll('Xi Jinping', `${choose(FIRST_NAMES)} ${choose(SURNAMES)}`)
    .replaceAll('Beijing', choose(PLACES))
    .replaceAll('Washington', choose(PLACES))
    .replaceAll('State Department', choose(ORGANISATIONS))
    .replace(DIGITS, () => String(Math.floor(random() * 10_000)));
}

/** Paragraphs of three to six varied sentences. */
function variedParagraphs(seed: number): (index: number) => string {
  const random = randomFrom(seed);
  return () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => variedSentence(random)).join(' ');
}

const capitaliseWords = (text: string) => text.replace(WORD_START, (letter) => letter.toUpperCase());

/** Builds an article of about `targetBytes` UTF-8 bytes. */
export type MakeInput = (targetBytes: number) => string;

/** Ordinary prose: what a long real article looks like. */
export const ORDINARY_INPUTS: Readonly<Record<string, MakeInput>> = {
  /** The seed's paragraphs over and over, "Blinken" numbered so every repetition names someone new. */
  repeated: (bytes) =>
    fill(bytes, (index) => pick(seedParagraphs, index).replaceAll('Blinken', `Blinken${index}`)),
  /** Real-looking prose: seed sentences recombined with varied names, places, organisations and numbers. */
  varied: (bytes) => fill(bytes, variedParagraphs(1)),
};

/** Shapes built to find superlinear steps and memory blow-ups. */
export const ADVERSARIAL_INPUTS: Readonly<Record<string, MakeInput>> = {
  /** Varied prose as one paragraph, no line breaks. */
  'single-paragraph': (bytes) => fill(bytes, variedParagraphs(2), ' '),
  /** Varied prose in title case: about 800,000 capitalised words in 5 MB, every one a name candidate. */
  'capitalised-words': (bytes) => {
    const paragraph = variedParagraphs(3);
    return fill(bytes, (index) => capitaliseWords(paragraph(index)));
  },
  /** About 400,000 quotation marks around short attributed phrases in 5 MB, in one paragraph. */
  'quotation-marks': (bytes) =>
    fill(
      bytes,
      (index) => `“${pick(CAPITALISED_WORDS, index)} said so,” ${pick(FIRST_NAMES, index)} said. "Yes`,
      ' ',
    ),
  /** One word over and over with no punctuation: a single sentence of 2.5 million tokens in 5 MB. */
  unpunctuated: (bytes) => fill(bytes, () => 'A', ' '),
  /** Money amounts and nothing else: every token a number candidate. */
  'dollar-amounts': (bytes) => fill(bytes, () => '$1', ' '),
  /** Initials: every token could end a sentence or start a name. */
  initials: (bytes) => fill(bytes, () => 'A.', ' '),
  /** One short attributed quote over and over: every sentence a quote with a speaker. */
  'said-quotes': (bytes) => fill(bytes, () => '"Yes," he said.', ' '),
  /** Quotes attributed by a role ("the senator said") among thousands of people named with that title. */
  'described-speakers': (bytes) =>
    fill(
      bytes,
      (index) =>
        `Sen. ${pick(FIRST_NAMES, index)} ${pick(CAPITALISED_WORDS, index)} spoke. “It is so,” the senator said.`,
      ' ',
    ),
};

export const LARGE_INPUTS: Readonly<Record<string, MakeInput>> = {
  ...ORDINARY_INPUTS,
  ...ADVERSARIAL_INPUTS,
};
