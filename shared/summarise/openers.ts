/**
 * Sentences that lean on the one before them: they open with a pronoun, a demonstrative or a connective whose
 * referent is in the previous sentence (`He said…`, `But…`, `That's because…`, `These figures…`). Read alone,
 * in a summary or as a headline, they dangle.
 */

/** Pronouns and determiners that point back to something already named. */
const POINTING_WORDS = new Set(
  'he she it they him her his hers its their theirs them this that these those such both another'.split(' '),
);

/** Connectives that continue an argument made in the previous sentence. */
const CONNECTIVES = new Set(
  (
    'and but or nor so yet also however still then thus therefore hence meanwhile moreover furthermore ' +
    'instead besides nevertheless nonetheless otherwise likewise similarly consequently indeed'
  ).split(' '),
);

/** Connective phrases of several words. */
const CONNECTIVE_PHRASES =
  /^(?:as a result|in addition|on the other hand|at the same time|in turn|after that|even so|the latter|the former|by contrast|in contrast|for (?:this|that) reason)\b/;

/** `This week`, `That night`: a demonstrative naming a time reads fine on its own. */
const TIME_NOUN =
  /^(?:this|that|these|those)\s+(?:week|weekend|year|month|morning|afternoon|evening|night|season|summer|winter|spring|autumn|fall|time|day|days|weeks|months|years|century|decade)\b/;

/** Opening quotation marks, brackets and dashes before the first word. */
const LEADING_PUNCTUATION = /^[\s"'\u201c\u201d\u2018\u2019([{\u2014\u2013-]+/;
const FIRST_WORD = /^[\p{L}]+/u;
/** `That's`, `He'd`, `They're`: the word before the apostrophe. */
const CONTRACTION = /^([\p{L}]+)['\u2019]\p{L}+/u;

/** Whether `sentence` opens with a pronoun, demonstrative or connective that needs the sentence before it. */
export function dependsOnPrevious(sentence: string): boolean {
  const opening = sentence.replace(LEADING_PUNCTUATION, '').toLowerCase();
  if (CONNECTIVE_PHRASES.test(opening)) return true;
  if (TIME_NOUN.test(opening)) return false;
  const word = CONTRACTION.exec(opening)?.[1] ?? FIRST_WORD.exec(opening)?.[0];
  if (word === undefined) return false;
  return POINTING_WORDS.has(word) || CONNECTIVES.has(word);
}
