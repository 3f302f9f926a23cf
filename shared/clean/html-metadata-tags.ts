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

/** "a, b; Prices (Fares, Fees and Rates)": a list of tags split at commas and semicolons outside brackets. */
export function splitTags(list: string): string[] {
  const tags: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < list.length; index += 1) {
    const char = list[index];
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if ((char === ',' || char === ';') && depth === 0) {
      tags.push(list.slice(start, index));
      start = index + 1;
    }
  }
  tags.push(list.slice(start));
  return tags;
}
