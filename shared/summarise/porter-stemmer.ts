/**
 * The Porter stemmer as NLTK's `PorterStemmer("ORIGINAL_ALGORITHM")` runs it, which is what the project's
 * checker (../shared/tools/score/rouge.py) uses: Porter's 1980 rules without NLTK's extensions, so `friday`
 * stems to `fridai` and `news` to `new`. Ported rule for rule so that bench:summary agrees with the checker.
 * Input must be lower case.
 */

type Condition = (stem: string) => boolean;
type Rule = readonly [suffix: string, replacement: string, condition: Condition | null];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const DOUBLE_CONSONANT = '*d';

function isConsonant(word: string, i: number): boolean {
  const letter = word[i] ?? '';
  if (VOWELS.has(letter)) return false;
  if (letter === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of VC sequences in the stem. */
function measure(stem: string): number {
  let count = 0;
  for (let i = 1; i < stem.length; i++) {
    if (!isConsonant(stem, i - 1) && isConsonant(stem, i)) count++;
  }
  return count;
}

const hasPositiveMeasure: Condition = (stem) => measure(stem) > 0;
const measureAboveOne: Condition = (stem) => measure(stem) > 1;

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** Condition *o: consonant, vowel, consonant other than w, x or y. */
function endsCvc(word: string): boolean {
  const n = word.length;
  const last = word[n - 1] ?? '';
  return (
    n >= 3 &&
    isConsonant(word, n - 3) &&
    !isConsonant(word, n - 2) &&
    isConsonant(word, n - 1) &&
    !['w', 'x', 'y'].includes(last)
  );
}

function replaceSuffix(word: string, suffix: string, replacement: string): string {
  return word.slice(0, word.length - suffix.length) + replacement;
}

/** The first rule whose suffix matches decides (the fixed rule lists are built once, not on every call): applied when its condition holds, otherwise the word stays. */
function applyRuleList(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === DOUBLE_CONSONANT && endsDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
    if (word.endsWith(suffix)) {
      const stem = replaceSuffix(word, suffix, '');
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}

const STEP1A_RULES: readonly Rule[] = [
  ['sses', 'ss', null],
  ['ies', 'i', null],
  ['ss', 'ss', null],
  ['s', '', null],
];

function step1a(word: string): string {
  return applyRuleList(word, STEP1A_RULES);
}

function step1b(word: string): string {
  if (word.endsWith('eed')) {
    const stem = replaceSuffix(word, 'eed', '');
    return measure(stem) > 0 ? `${stem}ee` : word;
  }
  let intermediate: string | undefined;
  for (const suffix of ['ed', 'ing']) {
    if (!word.endsWith(suffix)) continue;
    const stem = replaceSuffix(word, suffix, '');
    if (containsVowel(stem)) {
      intermediate = stem;
      break;
    }
  }
  if (intermediate === undefined) return word;
  const last = intermediate[intermediate.length - 1] ?? '';
  return applyRuleList(intermediate, [
    ['at', 'ate', null],
    ['bl', 'ble', null],
    ['iz', 'ize', null],
    [DOUBLE_CONSONANT, last, () => !['l', 's', 'z'].includes(last)],
    ['', 'e', (stem) => measure(stem) === 1 && endsCvc(stem)],
  ]);
}

const STEP1C_RULES: readonly Rule[] = [['y', 'i', containsVowel]];

function step1c(word: string): string {
  return applyRuleList(word, STEP1C_RULES);
}

const STEP2_RULES: readonly Rule[] = [
  ['ational', 'ate', hasPositiveMeasure],
  ['tional', 'tion', hasPositiveMeasure],
  ['enci', 'ence', hasPositiveMeasure],
  ['anci', 'ance', hasPositiveMeasure],
  ['izer', 'ize', hasPositiveMeasure],
  ['abli', 'able', hasPositiveMeasure],
  ['alli', 'al', hasPositiveMeasure],
  ['entli', 'ent', hasPositiveMeasure],
  ['eli', 'e', hasPositiveMeasure],
  ['ousli', 'ous', hasPositiveMeasure],
  ['ization', 'ize', hasPositiveMeasure],
  ['ation', 'ate', hasPositiveMeasure],
  ['ator', 'ate', hasPositiveMeasure],
  ['alism', 'al', hasPositiveMeasure],
  ['iveness', 'ive', hasPositiveMeasure],
  ['fulness', 'ful', hasPositiveMeasure],
  ['ousness', 'ous', hasPositiveMeasure],
  ['aliti', 'al', hasPositiveMeasure],
  ['iviti', 'ive', hasPositiveMeasure],
  ['biliti', 'ble', hasPositiveMeasure],
];

function step2(word: string): string {
  return applyRuleList(word, STEP2_RULES);
}

const STEP3_RULES: readonly Rule[] = [
  ['icate', 'ic', hasPositiveMeasure],
  ['ative', '', hasPositiveMeasure],
  ['alize', 'al', hasPositiveMeasure],
  ['iciti', 'ic', hasPositiveMeasure],
  ['ical', 'ic', hasPositiveMeasure],
  ['ful', '', hasPositiveMeasure],
  ['ness', '', hasPositiveMeasure],
];

function step3(word: string): string {
  return applyRuleList(word, STEP3_RULES);
}

const STEP4_SUFFIXES = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent'];
const STEP4_SUFFIXES_AFTER_ION = ['ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

const STEP4_RULES: readonly Rule[] = [
  ...STEP4_SUFFIXES.map((suffix): Rule => [suffix, '', measureAboveOne]),
  ['ion', '', (stem) => measure(stem) > 1 && (stem.endsWith('s') || stem.endsWith('t'))],
  ...STEP4_SUFFIXES_AFTER_ION.map((suffix): Rule => [suffix, '', measureAboveOne]),
];

function step4(word: string): string {
  return applyRuleList(word, STEP4_RULES);
}

function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

function step5b(word: string): string {
  return applyRuleList(word, [['ll', 'l', () => measure(word.slice(0, -1)) > 1]]);
}

export function porterStem(word: string): string {
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(word))))))));
}
