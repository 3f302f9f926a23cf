import type { EntityMention, NerType } from './ner/tag-entities.ts';
import { isHonorific, isTitleWord } from './roles.ts';
import { wordBefore } from './words.ts';

/**
 * The words that end a name opened by a title word: "Premier League", "General Electric", "Justice Department",
 * "King County". The tagger, which learned that a title comes before a person's name, tags the last word alone
 * (often as a person: "Premier League" gave a person "League" with the role "Premier" in 15 of 1,354 development
 * documents). No person's name is one of these words, so a title right before one opens the name.
 */
const TITLED_HEADS: ReadonlyMap<string, NerType> = new Map([
  ...(
    'League Union Assembly Council Department Ministry Motors Electric Dynamics Mills Foods Inn Hospital ' +
    'Court Bank Group Airlines Airways Corporation Company'
  )
    .split(' ')
    .map((word) => [word, 'ORG'] as const),
  ...'County Island Islands Street Avenue Road'.split(' ').map((word) => [word, 'LOC'] as const),
  ['Cup', 'MISC'],
]);
/** A capitalised word of letters, after any opening mark: "Premier", "(General". */
const TITLE_WORD = /^[("“‘']?(\p{Lu}\p{Ll}+)\.?$/u;
const WINDOW = 30;

/**
 * Joins a title word to the one-word name the tagger left after it, typed by that word: "[League]" after
 * "Premier " -> the organisation "Premier League". An honorific ("Mr", "Dr") never opens such a name.
 */
export function joinTitledHeads(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const joined: EntityMention[] = [];
  for (const mention of tagged) {
    const type = TITLED_HEADS.get(mention.text);
    const title = type === undefined ? undefined : titleBefore(text, mention.start);
    const start = mention.start - (title?.length ?? 0) - 1;
    const previous = joined.at(-1);
    if (type && title && (previous === undefined || previous.end <= start)) {
      joined.push({ type, start, end: mention.end, text: text.slice(start, mention.end) });
    } else joined.push(mention);
  }
  return joined;
}

/** The title word right before `start`, one space between ("Premier " -> "Premier"), or undefined. */
function titleBefore(text: string, start: number): string | undefined {
  // No full stop: "the Premier. League officials" ends a sentence.
  const title = text[start - 2] === '.' ? undefined : capitalisedBefore(text, start);
  return title !== undefined && isTitleWord(title) && !isHonorific(title) ? title : undefined;
}

/** Whether a title or an honorific is right before `start`: "President Park", "Mr. Court". */
export function followsTitle(text: string, start: number): boolean {
  const word = capitalisedBefore(text, start);
  return word !== undefined && (isTitleWord(word) || isHonorific(word));
}

function capitalisedBefore(text: string, start: number): string | undefined {
  if (text[start - 1] !== ' ') return undefined;
  const word = wordBefore(text.slice(Math.max(0, start - WINDOW), start));
  return word === undefined ? undefined : TITLE_WORD.exec(word)?.[1];
}
