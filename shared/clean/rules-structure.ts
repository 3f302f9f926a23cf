import { type Paragraphs, record, type TextContext, wordCount } from './text-context.ts';

/** A dateline up to its dash: "Beijing –", "WASHINGTON (AP) —", "LONDON, June 19 (Reuters) -", "SEOUL, Aug. 20 (Yonhap) --". */
const DATELINE_HEAD =
  "^((?:\\p{Lu}[\\p{L}.'’-]*)(?:[ ]\\p{Lu}[\\p{L}.'’-]*){0,3})(?:,[ ](?:\\p{Lu}[\\p{L}.]*)(?:[ ]\\p{Lu}[\\p{L}.]*)?(?:[ ]\\d{1,2})?)?[ ]?(?:,[ ]\\d{4})?(?:\\((?:\\p{Lu}[\\p{L}.&-]*)(?:[ ]\\p{Lu}[\\p{L}.&-]*){0,2}\\)[ ]?)?(?:[–—]|--?)";
/** A dateline opening the lead: "NEW YORK -- The markets opened higher." */
const DATELINE = new RegExp(`${DATELINE_HEAD}[ ]\\S`, 'u');
/** A dateline standing alone above the lead, as wire copy often sets it: "WASHINGTON, August 8 (Xinhua) --". */
const LONE_DATELINE = new RegExp(`${DATELINE_HEAD}$`, 'u');
const DATELINE_SEARCH_PARAGRAPHS = 2;
/** Words that open a sentence before a dash ("This — both sides are here?", "Well -- no"): never a place. */
const NOT_PLACES = new Set(
  (
    'this that these those it he she we they i you there here what who why how when where but and or so yes ' +
    'no well now then oh okay ok right sure thanks please the a an if as our my his her their your'
  ).split(' '),
);
const TITLE_MAX_WORDS = 25;
const TITLE_MAX_CHARS = 200;
const SENTENCE_END = /[.!,;:]["'’”]?$/;
const URL_LIKE = /^<?https?:\/\//i;
const BYLINE_START = /^by\s/i;
const DUPLICATE_MIN_WORDS = 3;
const FOLD = /[\s\p{P}]+/gu;

/**
 * A dateline set alone above the lead opens the lead, as it does in the wire copy ("WASHINGTON, August 8
 * (Xinhua) -- President Bill Clinton ..."): it is neither a title nor a paragraph of its own.
 */
export function joinDatelineToLead(paragraphs: Paragraphs): Paragraphs {
  const index = paragraphs
    .slice(0, DATELINE_SEARCH_PARAGRAPHS)
    .findIndex((paragraph) => isLoneDateline(paragraph));
  const lead = paragraphs[index + 1];
  if (index < 0 || lead === undefined) return paragraphs;
  const joined = `${paragraphs[index]?.trim()} ${lead.trimStart()}`;
  return [...paragraphs.slice(0, index), joined, ...paragraphs.slice(index + 2)];
}

/** "WASHINGTON, August 8 (Xinhua) --" and nothing after it. */
export function isLoneDateline(paragraph: string): boolean {
  return LONE_DATELINE.test(paragraph.trim());
}

/** Records the dateline ("Beijing" of "Beijing – ..."); the text keeps it. */
export function findDateline(paragraphs: Paragraphs, context: TextContext): Paragraphs {
  for (const paragraph of paragraphs.slice(0, DATELINE_SEARCH_PARAGRAPHS)) {
    const place = paragraph.match(DATELINE)?.[1];
    if (place && !NOT_PLACES.has(place.toLowerCase())) {
      context.dateline = place;
      break;
    }
  }
  return paragraphs;
}

function fold(paragraph: string): string {
  return paragraph.toLowerCase().replace(FOLD, ' ').trim();
}

/** Later copies of a paragraph (scrapers often repeat pull quotes and teasers). */
export function removeDuplicates(paragraphs: Paragraphs, context: TextContext): string[] {
  // A lone paragraph (a text file of one line) has no copy: nothing to fold.
  if (paragraphs.length < 2) return [...paragraphs];
  const seen = new Set<string>();
  return paragraphs.filter((paragraph) => {
    if (wordCount(paragraph, DUPLICATE_MIN_WORDS) < DUPLICATE_MIN_WORDS) return true;
    const key = fold(paragraph);
    if (seen.has(key)) {
      record(context, 'duplicate-paragraph', paragraph);
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** A first line that reads as a headline: one line, short, no closing punctuation, not a URL or a byline. */
export function looksLikeTitle(paragraph: string): boolean {
  const text = paragraph.trim();
  const words = wordCount(text, TITLE_MAX_WORDS);
  return (
    !text.includes('\n') &&
    !isLoneDateline(text) &&
    words >= 2 &&
    words <= TITLE_MAX_WORDS &&
    text.length <= TITLE_MAX_CHARS &&
    !SENTENCE_END.test(text) &&
    !URL_LIKE.test(text) &&
    !BYLINE_START.test(text) &&
    /\p{Lu}/u.test(text)
  );
}

/** Same words, ignoring case and punctuation: the page repeats its headline at the top of the body. */
export function sameTitle(paragraph: string, title: string): boolean {
  return fold(paragraph) === fold(title);
}
