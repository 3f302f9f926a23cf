/**
 * A headline written in Title Case on a line of its own ("Senator Hammers Bank Chief Over Fees"), as pasted
 * articles and PolNeAR documents start, capitalises common words, and the tagger reads them as names ("Senator
 * Hammers Bank Chief"). In such a line a tagged name is kept only as far as the rest of the article confirms it:
 * the same text tagged in the body keeps it; otherwise it is cut to the longest parts tagged in the body (typed
 * as the body types them), else dropped. A wrong name is worse than a missing one.
 *
 * A Title Case line is told from a sports table or a list of names (whose names are right) by its words: no
 * figures, at most one comma, and a capitalised word beyond the first that the body writes in lower case ("Hammers"
 * beside "hammers", "Party" beside "the party").
 */
import { type KnownNames, knownNames } from './ner/known-names.ts';
import type { EntityMention } from './ner/tags.ts';

const LETTER_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const MIN_WORDS = 3;
/** Words this long and longer are capitalised in Title Case; shorter ones ("of", "for", "a") may not be. */
const LONG_WORD = 4;
/** A line of this many words or more is a paragraph of the body. */
const PARAGRAPH_WORDS = 12;
/** A word in capitals this long is no acronym of a headline: "PRESALE", "BRUCE", "CONSTITUENCY" of a label. */
const CAPITALS = /\b\p{Lu}{5,}\b/u;

interface Line {
  readonly start: number;
  readonly end: number;
}

/** The tagged mentions, those in Title Case headline lines kept only as far as the body confirms them. */
export function confirmHeadlineNames(
  text: string,
  tagged: readonly EntityMention[],
  known: KnownNames = knownNames(),
): EntityMention[] {
  const headlines = headlineLines(text);
  if (headlines.length === 0) return [...tagged];
  const inHeadline = (mention: EntityMention) =>
    headlines.some((line) => mention.start >= line.start && mention.end <= line.end);
  const bodyTypes = new Map<string, EntityMention['type']>();
  for (const mention of tagged)
    if (!inHeadline(mention) && !bodyTypes.has(mention.text)) bodyTypes.set(mention.text, mention.type);
  const lower = lowerWords(bodyText(text, headlines));
  const kept: EntityMention[] = [];
  for (const mention of tagged) {
    if (!inHeadline(mention) || isTaggedInBody(mention.text, bodyTypes)) kept.push(mention);
    else
      for (const part of confirmedParts(mention, bodyTypes))
        if (!isCommonWords(part.text, lower)) kept.push(withFirstNames(text, mention, part, known));
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The longest parts of a headline mention that the body tags, whole words only, not overlapping:
 * "Senator Jane Roe Hammers Acme Bank" with "Jane Roe" and "Acme Bank" tagged in the body gives both.
 */
function confirmedParts(
  mention: EntityMention,
  bodyTypes: ReadonlyMap<string, EntityMention['type']>,
): EntityMention[] {
  const candidates: EntityMention[] = [];
  for (const [surface, type] of bodyTypes) {
    if (surface.length >= mention.text.length) continue;
    for (let at = mention.text.indexOf(surface); at >= 0; at = mention.text.indexOf(surface, at + 1)) {
      const end = at + surface.length;
      if (isWordChar(mention.text[at - 1]) || isWordChar(mention.text[end])) continue;
      candidates.push({ type, start: mention.start + at, end: mention.start + end, text: surface });
    }
  }
  candidates.sort((a, b) => b.text.length - a.text.length || a.start - b.start);
  const parts: EntityMention[] = [];
  for (const candidate of candidates)
    if (!parts.some((part) => candidate.start < part.end && part.start < candidate.end))
      parts.push(candidate);
  return parts;
}

/** First names (at most two) and the space after each, right before a surname: "Hillary " of "Hillary Clinton". */
const FIRST_NAMES_BEFORE = /(?:(?<![\p{L}\p{M}'’-])\p{Lu}\p{Ll}+ ){1,2}$/u;

/**
 * A person's part with the first names that stand before it in the headline's name: "Hillary Clinton" of "Hillary
 * Clinton Speaks" where the body tags only "Clinton" (and then groups its "Clinton" with the full name).
 */
function withFirstNames(
  text: string,
  mention: EntityMention,
  part: EntityMention,
  known: KnownNames,
): EntityMention {
  if (part.type !== 'PER' || part.text.includes(' ')) return part;
  const before = FIRST_NAMES_BEFORE.exec(text.slice(mention.start, part.start))?.[0];
  if (
    before === undefined ||
    !before
      .trim()
      .split(' ')
      .every((word) => known.isFirstName(word))
  )
    return part;
  const start = part.start - before.length;
  return { ...part, start, text: text.slice(start, part.end) };
}

/** The body tags the same words, alone or in a longer name: "Acme Bank" beside "the Acme Bank" or "Acme Bank Ltd". */
function isTaggedInBody(name: string, bodyTypes: ReadonlyMap<string, EntityMention['type']>): boolean {
  if (bodyTypes.has(name)) return true;
  for (const surface of bodyTypes.keys()) {
    const at = surface.indexOf(name);
    if (at >= 0 && !isWordChar(surface[at - 1]) && !isWordChar(surface[at + name.length])) return true;
  }
  return false;
}

/** A part whose every word the body writes in lower case ("Court" of "U.S. Court" beside "the court"). */
function isCommonWords(part: string, lower: ReadonlySet<string>): boolean {
  return (part.match(LETTER_WORD) ?? []).every((word) => lower.has(word.toLowerCase()));
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char);
}

/** The lines of the text written as a Title Case headline, with a body beside them. */
export function headlineLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lines.push({ start, end });
    start = end + 1;
  }
  // Blank lines left out: a line's neighbours are the lines of text before and after it.
  const filled = lines.filter((line) => /\S/u.test(text.slice(line.start, line.end)));
  const counts = filled.map((line) => (text.slice(line.start, line.end).match(LETTER_WORD) ?? []).length);
  // A headline stands at the top or after a paragraph, and a paragraph follows it; a short line beside short
  // lines is an item of a list or a table (names and their schools, settings), not a headline.
  const isProse = (index: number) => (counts[index] ?? 0) >= PARAGRAPH_WORDS;
  const candidates = filled.filter(
    (line, index) =>
      (index === 0 || isProse(index - 1)) &&
      isProse(index + 1) &&
      isTitleCase(text.slice(line.start, line.end)),
  );
  if (candidates.length === 0) return [];
  const words = lowerWords(bodyText(text, candidates));
  return candidates.filter((line) => hasCommonWord(text.slice(line.start, line.end), words));
}

/**
 * A capitalised word, after the first, that the body writes in lower case; after a colon when there is one, so
 * that a label before names ("Man of the Match: Ann Lee", "Source: ...") is no headline.
 */
function hasCommonWord(line: string, lower: ReadonlySet<string>): boolean {
  const colon = line.indexOf(':');
  const words = line.slice(colon + 1).match(LETTER_WORD) ?? [];
  return words
    .slice(colon < 0 ? 1 : 0)
    .some((word) => isUpper(word) && word.length >= LONG_WORD && lower.has(word.toLowerCase()));
}

/** The body's words written in lower case, whole words between spaces ("bank," but not "ann.lee@bank.com"). */
function lowerWords(body: string): Set<string> {
  const words = new Set<string>();
  for (const token of body.split(/\s+/u)) {
    const word = /^[("'“‘]*(\p{Ll}+)[.,;:!?)"'”’]*$/u.exec(token)?.[1];
    if (word !== undefined) words.add(word);
  }
  return words;
}

function bodyText(text: string, headlines: readonly Line[]): string {
  let body = '';
  let from = 0;
  for (const line of headlines) {
    body += `${text.slice(from, line.start)}\n`;
    from = line.end;
  }
  return body + text.slice(from);
}

/**
 * Three words or more, no figures, at most one comma (none after a colon), lower-case letters, no long word in
 * capitals, and every long word capitalised.
 */
function isTitleCase(line: string): boolean {
  if (/\p{N}/u.test(line) || !/\p{Ll}/u.test(line)) return false;
  if ((line.match(/,/g) ?? []).length > 1 || line.includes(';') || CAPITALS.test(line)) return false;
  // A label and a list after it: "Source: Acme, Hollow Hills Department of Health".
  if (/:.*,/u.test(line)) return false;
  const words = line.match(LETTER_WORD) ?? [];
  if (words.length < MIN_WORDS) return false;
  return words.every((word) => word.length < LONG_WORD || isUpper(word));
}

function isUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
