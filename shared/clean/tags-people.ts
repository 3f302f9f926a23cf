/**
 * Staff names among a page's tags: wire and newspaper sites list their reporters, editors and photographers in
 * their keywords ("Olivia Harris", "Darren Whiteside" on a story about a plane crash). A tag shaped like a
 * person's name (a first name, then one to three capitalised words) that the page never names outside its
 * metadata, in full or by its last word, is no subject of the article: it is dropped. Names the page mentions
 * stay ("Margaret Thatcher", a star only in a photo's description), as do topics ("Municipal Bonds") and
 * lower-case tags.
 */
import { wordLists } from '../lexicon/word-lists.ts';

const NAME_SHAPE = /^\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,3}$/u;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

let firstNames: ReadonlySet<string> | undefined;

/**
 * The tags without the names of people the page never mentions (`pageText`: its title, body text and image
 * descriptions, read only when a tag is shaped like a name).
 */
export function withoutUnnamedPeople(tags: readonly string[], pageText: () => string): string[] {
  if (!tags.some((tag) => NAME_SHAPE.test(tag))) return [...tags];
  firstNames ??= new Set([...wordLists().maleNames, ...wordLists().femaleNames]);
  const names = firstNames;
  let page: string | undefined;
  return tags.filter((tag) => {
    if (!NAME_SHAPE.test(tag)) return true;
    const words = fold(tag).split(' ');
    if (!names.has(words[0] as string)) return true;
    page ??= ` ${fold(pageText())} `;
    return page.includes(` ${words.join(' ')} `) || page.includes(` ${words.at(-1)} `);
  });
}

/** Lower case, accents off, every run of other characters one space: "Jean-Siméon" is "jean simeon". */
function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}
