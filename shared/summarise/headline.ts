/**
 * A headline from the best stand-alone sentence, compressed only where it is safe: a leading source tag
 * (`(CNN)`), dateline (`Beijing – `) or caption label (`Wanted: `); a trailing attribution (`, police
 * said.`, `, according to police.`); and a single trailing dash clause when what precedes it is a full
 * statement (`... manager on Friday - exactly eight weeks after ...`). Everything else stays verbatim.
 */

const SOURCE_TAG =
  /^\((?:CNN|Reuters|AP|AFP|The Hollywood Reporter|[A-Z][\w .&]{0,30})\)\s*(?:[-\u2013\u2014]\s*)?/;
const DATELINE =
  /^(?:[A-Z][\p{L}.]*\s){0,2}[A-Z][\p{L}.]*,?\s*(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]\s+(?=\p{Lu})/u;
const LABEL = /^(?:[A-Z][\p{L}'\u2019-]*\s?){1,4}:\s+(?=\p{Lu})/u;
const SPEECH_LABEL = /\b(?:said|says|told|added|asked)\b/i;
const TRAILING_ATTRIBUTION =
  /,\s+(?:(?:[\p{L}'\u2019-]+\s){0,4}(?:said|says|told reporters|reported)|according to [^,.]{1,60})\s*\.$/u;
const DASH = /\s[-\u2013\u2014]\s/g;
/** Words the part before a dash needs to stand as the headline on its own. */
const MIN_HEAD_WORDS = 8;

function withoutDashClause(headline: string): string {
  const dashes = [...headline.matchAll(DASH)];
  const [dash] = dashes;
  if (dashes.length !== 1 || dash === undefined) return headline;
  const head = headline.slice(0, dash.index).trimEnd();
  return head.split(/\s+/).length >= MIN_HEAD_WORDS ? `${head}.` : headline;
}

export function headlineFrom(sentence: string): string {
  let headline = sentence.replace(SOURCE_TAG, '').replace(DATELINE, '');
  const label = LABEL.exec(headline)?.[0];
  if (label !== undefined && !SPEECH_LABEL.test(label)) headline = headline.slice(label.length);
  return withoutDashClause(headline.replace(TRAILING_ATTRIBUTION, '.').trim());
}
