/**
 * A headline from the best stand-alone sentence, compressed only where it is safe: a leading source tag
 * (`(CNN)`), dateline (`Beijing – `) or caption label (`Wanted: `), and a trailing attribution
 * (`, police said.`). Everything else stays verbatim.
 */

const SOURCE_TAG =
  /^\((?:CNN|Reuters|AP|AFP|The Hollywood Reporter|[A-Z][\w .&]{0,30})\)\s*(?:[-\u2013\u2014]\s*)?/;
const DATELINE =
  /^(?:[A-Z][\p{L}.]*\s){0,2}[A-Z][\p{L}.]*,?\s*(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]\s+(?=\p{Lu})/u;
const LABEL = /^(?:[A-Z][\p{L}'\u2019-]*\s?){1,4}:\s+(?=\p{Lu})/u;
const SPEECH_LABEL = /\b(?:said|says|told|added|asked)\b/i;
const TRAILING_ATTRIBUTION = /,\s+(?:[\p{L}'\u2019-]+\s){0,4}(?:said|says|told reporters|reported)\s*\.$/u;

export function headlineFrom(sentence: string): string {
  let headline = sentence.replace(SOURCE_TAG, '').replace(DATELINE, '');
  const label = LABEL.exec(headline)?.[0];
  if (label !== undefined && !SPEECH_LABEL.test(label)) headline = headline.slice(label.length);
  return headline.replace(TRAILING_ATTRIBUTION, '.').trim();
}
