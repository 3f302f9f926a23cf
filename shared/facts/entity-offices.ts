import type { NameMention } from './entity-mentions.ts';
import { isHonorific, isTitleWord } from './roles.ts';

/**
 * A determiner or a possessive, a capitalised title word and one space before a name: "the Chief [Whip]", "Labour's
 * Deputy [Speaker]". The title word is the first capture.
 */
const OFFICE_BEFORE = /(?:^|[^\p{L}])(?:the|The|its|his|her|their|our|\p{L}+['’]s)\s+(\p{Lu}\p{Ll}+) $/u;
const WINDOW = 40;
/** Royal titles: "the Queen Mother", "the Prince Regent" name one person. */
const ROYAL_TITLES = new Set(['King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Empress']);

/**
 * Whether a one-word name read as a person is the rest of an office after "the" and a title word: "the Chief Whip",
 * "the Deputy Speaker", where the tagger, which learned that a title comes before a person's name, took the second
 * word for a surname. A person's surname does not follow "the" and a title ("the President Obama" is not written),
 * so the name is none. A word the article gives a person named in full ("Emma Speaker") is left, and so is a royal
 * title's ("the Queen Mother" is one person).
 */
export function isOfficeWord(text: string, mention: NameMention, personWords: ReadonlySet<string>): boolean {
  if (mention.type !== 'person' || mention.key.includes(' ')) return false;
  if (personWords.has(mention.key)) return false;
  const title = OFFICE_BEFORE.exec(text.slice(Math.max(0, mention.start - WINDOW), mention.start))?.[1];
  return title !== undefined && isTitleWord(title) && !isHonorific(title) && !ROYAL_TITLES.has(title);
}
