/**
 * Tags that are a site's own codes, not subjects a reader would search for: identifiers ("type_news",
 * "channel_gaming_hardware"), paths and addresses ("/article"), fields of a content system ("Page Type: Article",
 * "WC: 2000-2999"; only when a page lists two or more, so that "X-Men: Days of Future Past" stays), classification
 * codes with a number in brackets ("Software (TRBC level 4)") and desk flags ("Picture Available").
 */

/** A label of one or two words and a colon before a value: "Category: Games", "Page Type: Article". */
const FIELD = /^\p{L}+(?: \p{L}+)?:\s*\S/u;
const IDENTIFIER = /_|^\/|:\/\//u;
const BRACKETED_CODE = /\([^)]*\d[^)]*\)/u;
const DESK_FLAG = /^(?:pictures?|photos?|videos?|graphics?|audio) available$/iu;

export function withoutCodeTags(tags: readonly string[]): string[] {
  const fields = tags.filter((tag) => FIELD.test(tag)).length;
  return tags.filter(
    (tag) =>
      !IDENTIFIER.test(tag) &&
      !BRACKETED_CODE.test(tag) &&
      !DESK_FLAG.test(tag) &&
      !(fields >= 2 && FIELD.test(tag)),
  );
}

/** "VIVUS, Inc.", "Acme, Ltd": a company's legal form after a comma, part of its name. */
const LEGAL_FORM = /^\s*(?:Inc|Ltd|LLC|Corp|Co|plc|PLC|L\.P|N\.V|S\.A|GmbH)(?:\.|\s|$)/u;

/**
 * "a, b; Prices (Fares, Fees and Rates)": a list of tags split at commas and semicolons outside brackets, and not
 * before a company's legal form ("VIVUS, Inc. (NASDAQ:VVUS)").
 */
export function splitTags(list: string): string[] {
  const tags: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < list.length; index += 1) {
    const char = list[index];
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if (
      (char === ',' || char === ';') &&
      depth === 0 &&
      !LEGAL_FORM.test(list.slice(index + 1, index + 8))
    ) {
      tags.push(list.slice(start, index));
      start = index + 1;
    }
  }
  tags.push(list.slice(start));
  return tags;
}

/** "holiday-travel", "state-of-the-state-2015": a tag written as an address's slug. */
const SLUG = /^\p{Ll}[\p{Ll}\p{N}]*(?:-[\p{Ll}\p{N}]+)+$/u;
/** "AWARDS": a word in capitals, as a desk's system writes its codes. */
const CAPITALS = /^\p{Lu}{3,}$/u;
/** WordPress's name for the posts filed under no category. */
const NO_CATEGORY = /^uncategori[sz]ed$/iu;

/**
 * Tags as the page writes them (`pageText`, asked at most once by the caller's memo): a slug the page writes as words
 * takes its spelling ("chris-christie" -> "Chris Christie", "holiday-travel" -> "holiday travel"; one it never writes
 * stays); a word in capitals that the page writes in lower case but never in capitals is a desk's code ("AWARDS" on
 * a story about awards; "NASA", "RWE", "NOAA" stay); "Uncategorized" is no subject. Tags that end up the same are
 * kept once.
 */
export function asThePageWritesThem(tags: readonly string[], pageText: () => string): string[] {
  const kept = new Map<string, string>();
  for (const tag of tags) {
    if (NO_CATEGORY.test(tag) || (CAPITALS.test(tag) && isCodeInCapitals(tag, pageText()))) continue;
    const spelled = SLUG.test(tag) ? (pageSpelling(tag, pageText()) ?? tag) : tag;
    const key = spelled.toLowerCase();
    if (!kept.has(key)) kept.set(key, spelled);
  }
  return [...kept.values()];
}

/**
 * The words of a slug as the page writes them, spaces or hyphens between them: its most frequent spelling, on a tie
 * the one with fewer capitals (a title or a sentence opens with "Flood waters").
 */
function pageSpelling(slug: string, page: string): string | undefined {
  const words = slug.split('-').join('(?:-|\\s+)');
  const counts = new Map<string, number>();
  for (const found of page.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu'))) {
    const spelling = found[0].replace(/\s+/gu, ' ');
    counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [spelling, count] of counts) {
    const bestCount = best === undefined ? 0 : (counts.get(best) as number);
    if (count > bestCount || (count === bestCount && capitals(spelling) < capitals(best as string)))
      best = spelling;
  }
  return best;
}

function capitals(text: string): number {
  return text.replace(/\P{Lu}/gu, '').length;
}

function isCodeInCapitals(tag: string, page: string): boolean {
  const written = (word: string) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(page);
  return !written(tag) && written(tag.toLowerCase());
}
