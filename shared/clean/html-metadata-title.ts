/**
 * The article's title without what pages glue onto it: the site's name ("Headline | Site") and the
 * section ("Headline - Politics"). The page's own <h1> wins when it says the same as the meta title (it
 * is the headline readers see); else a part after a separator goes when it is the site or host name, the
 * page's own section, or a common section name.
 */

import { decodeLeftoverEntities } from './leftover-entities.ts';

const SEPARATOR = /\s+[|\u2013\u2014\-·»:/]\s+|\s*[|·»]\s*/u;
const SPLIT = new RegExp(`(${SEPARATOR.source})`, 'u');
/** Sections newspapers file stories under, as they appear glued to titles. */
const SECTION_NAMES = new Set(
  (
    'news|latest news|breaking news|top stories|politics|us politics|uk politics|world|world news|us|us news|uk|' +
    'uk news|europe|asia|africa|americas|middle east|business|markets|economy|money|finance|tech|technology|' +
    'science|health|opinion|opinions|comment|analysis|editorial|sport|sports|football|soccer|entertainment|' +
    'culture|arts|lifestyle|life|style|travel|food|local|national|metro|weather|video|videos|live|education|' +
    'environment|climate|media|books|music|film|movies|tv|television|fashion|features|blog|blogs|nachrichten|' +
    'politik|wirtschaft|kultur|sport|panorama|ausland|inland|actualités|politique|monde|economía|política'
  ).split('|'),
);

function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface TitleHints {
  readonly siteNames: readonly string[];
  readonly section?: string;
  /** The page's <h1> headings, in document order. */
  readonly headings: readonly string[];
}

/** How many of the shorter text's words the longer one must share for a heading to be the same title. */
const SAME_TITLE_SHARE = 0.6;

function isGlued(part: string, hints: TitleHints): boolean {
  const folded = fold(part);
  if (folded === '') return true;
  if (SECTION_NAMES.has(folded) || (hints.section && folded === fold(hints.section))) return true;
  return hints.siteNames.some((name) => {
    const site = fold(name);
    if (site === '') return false;
    if (folded === site || folded === site.replace(/ (com|org|net|co uk|de|fr|at)$/u, '')) return true;
    // "BBC中文网", "BBC News" after "BBC": the site's name with its edition or section.
    const rest = folded.startsWith(site) ? folded.slice(site.length).trim() : undefined;
    return rest !== undefined && rest !== '' && (SECTION_NAMES.has(rest) || !/[a-z]/u.test(rest));
  });
}

function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(' ')
      .filter((word) => word !== ''),
  );
}

/**
 * A page's <h1> that says the same as its meta title is the headline readers see, without what SEO glued on
 * ("Leasing oder Finanzierung – was lohnt sich mehr?" for "Leasing oder Finanzierung"): most of the shorter
 * one's words are in the longer one, and the heading is not just the site's name.
 */
function isSameTitle(heading: string, title: string): boolean {
  const headingWords = words(heading);
  const titleWords = words(title);
  if (headingWords.size < 2) return false;
  const shared = [...headingWords].filter((word) => titleWords.has(word)).length;
  return shared / Math.min(headingWords.size, titleWords.size) >= SAME_TITLE_SHARE;
}

/**
 * An <h1> that is the title and then more words with no separator between them holds something else too: a
 * button ("… storms Add to …"), a standfirst ("… Politician A letter to a young liberal"). A subtitle after a
 * dash or colon is part of the headline.
 */
function runsOn(heading: string, title: string): boolean {
  return heading.startsWith(title) && /^\s+[\p{L}\p{N}]/u.test(heading.slice(title.length));
}

/** Removes glued site and section names from either end; keeps the title whole if nothing would be left. */
export function cleanTitle(title: string | undefined, hints: TitleHints): string | undefined {
  if (title === undefined) return undefined;
  const whole = decodeLeftoverEntities(title).replace(/\s+/gu, ' ').trim();
  if (whole === '') return undefined;
  const heading = hints.headings.find((text) => isSameTitle(text, whole));
  if (heading !== undefined && !runsOn(heading, whole)) return heading;
  const pieces = whole.split(SPLIT);
  const parts = pieces.filter((_, index) => index % 2 === 0);
  // "港特首梁振英就住宅违建事件道歉 - BBC中文网 - 两岸三地" with that <h1>: a heading that is the title's first part
  // whole is the headline, whatever is glued on after it (words are not counted in a script without spaces).
  const opening = fold(parts[0] ?? '');
  const part = hints.headings.find((text) => parts.length > 1 && opening !== '' && fold(text) === opening);
  if (part !== undefined && !isGlued(part, hints)) return part;
  let first = 0;
  let last = parts.length - 1;
  while (last > first && isGlued(parts[last] as string, hints)) last--;
  while (first < last && isGlued(parts[first] as string, hints)) first++;
  if (first === 0 && last === parts.length - 1) return whole;
  return (
    pieces
      .slice(first * 2, last * 2 + 1)
      .join('')
      .trim() || whole
  );
}
