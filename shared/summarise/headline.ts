/**
 * A headline from the lede, compressed only where it is safe: a leading source tag (`(CNN)`), dateline
 * (`Beijing – `, `SEOUL, Aug. 20 (Yonhap) -- `, `CHICAGO—`, `【6月18日 AFP】`), date or time stamp
 * (`December 28, 2014: `, `16.06 `) or caption label (`Wanted: `); a trailing attribution (`, police
 * said.`, `, according to police.`); and a single trailing dash clause when what precedes it is a full
 * statement (`... manager on Friday - exactly eight weeks after ...`). Everything else stays verbatim.
 */

/** A dash that ends a dateline: spaced hyphens or dashes, or an unspaced em or en dash (`CHICAGO—`). */
const DATELINE_DASH = '(?:\\s+-{1,2}\\s+|\\s*[\\u2013\\u2014]\\s*)';
const SOURCE_TAG = new RegExp(
  `^\\((?:CNN|Reuters|AP|AFP|The Hollywood Reporter|[A-Z][\\w .&]{0,30})\\)(?:${DATELINE_DASH}|\\s*)`,
);
/** Up to four capitalised place words (`SURABAYA, Indonesia/JAKARTA`), a date, an agency in brackets, a dash. */
const DATELINE = new RegExp(
  `^(?:\\p{Lu}[\\p{L}.'\u2019]*[ ,/]*){1,4}(?:\\p{Lu}\\p{Ll}{2,3}\\.? \\d{1,2}\\s*)?(?:\\([^()]{1,30}\\))?${DATELINE_DASH}(?=[\\p{Lu}"'\u201c\u2018])`,
  'u',
);
/** A place and a news agency without a dash: `Rome (CNN) Italy is coping…`. */
const AGENCY_DATELINE =
  /^(?:\p{Lu}[\p{L}.'\u2019]*[ ,/]*){1,4}\((?:CNN|Reuters|AP|AFP|Yonhap|Xinhua|dpa|UPI|Bloomberg)\)\s*(?=\p{Lu})/u;
/** Wire datelines in corner brackets (`【6月18日 AFP】`) and Xinhua's `新华社北京11月17日电`. */
const CJK_DATELINE = /^(?:\u3010[^\u3011]{1,30}\u3011|\u65b0\u534e\u793e[^\s]{0,20}?\u7535\s*)/u;
/** `December 28, 2014: `, `16.06 `: a live page's date or time stamp before the sentence. */
const STAMP =
  /^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}:|\d{1,2}[.:]\d{2}(?:\s?[ap]\.?m\.?)?)\s+(?=\p{Lu})/u;
const LABEL = /^(?:[A-Z][\p{L}'\u2019-]*\s?){1,4}:\s+(?=\p{Lu})/u;
const SPEECH_LABEL = /\b(?:said|says|told|added|asked)\b/i;
const TRAILING_ATTRIBUTION =
  /,\s+(?:(?:[\p{L}'\u2019-]+\s){0,4}(?:said|says|told reporters|reported)|according to [^,.]{1,60})\s*\.$/u;
/** A spaced dash, not one between two numbers (`from 1 - 3:30 p.m.`, `1975 - 2014`: a range, not a clause). */
const DASH = /(?<!\d)\s[-\u2013\u2014]\s|\s[-\u2013\u2014]\s(?!\d)/g;
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
  let headline = sentence
    .replace(SOURCE_TAG, '')
    .replace(CJK_DATELINE, '')
    .replace(DATELINE, '')
    .replace(AGENCY_DATELINE, '')
    .replace(STAMP, '');
  const label = LABEL.exec(headline)?.[0];
  if (label !== undefined && !SPEECH_LABEL.test(label)) headline = headline.slice(label.length);
  return withoutDashClause(headline.replace(TRAILING_ATTRIBUTION, '.').trim());
}
