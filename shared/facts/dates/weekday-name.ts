/**
 * A weekday inside a title or a name is no day: "Her newest book Saturday Millionaires" (a 2014 page read it as
 * 2014-01-18), "a cartoon by Saturday Morning Breakfast Cereal", "the Sunday Observer", "an episode of Monday Night
 * Football". The weekday opens a run of capitalised words, and what stands before it names a work or a thing (a
 * determiner, an opening quote, "book", "called"), not a time ("on Saturday", "said Saturday"); or a capitalised
 * part of the day and another capitalised word follow it ("Saturday Night Live"). Wire captions run together
 * ("against Reading on Monday The 19-year-old …", "at auction on Saturday Police were called") keep their day: a
 * preposition stands before it, and "Police" after "Saturday" is no part of the day.
 */
import { MONTH } from './vocabulary.ts';

/** Words that open a sentence, not a name: after a weekday they say the sentence ended without its full stop. */
const SENTENCE_OPENER =
  '(?:The|A|An|His|Her|Hers|Its|Their|Our|My|Your|He|She|It|They|We|I|You|This|That|These|Those|There|Then|In|On|At|But|And|Or|So|If|When|As|After|Before|While|Mr|Mrs|Ms|Dr|Sir)';
/** A capitalised word of a name after the weekday: not a sentence's opener, a month or a part of the day. */
const NAME_WORD = `(?!${SENTENCE_OPENER}(?![\\p{L}])|(?:${MONTH})(?![\\p{L}])|(?:Morning|Afternoon|Evening|Night)(?![\\p{L}]))\\p{Lu}\\p{L}*`;
/** A name's word right after the weekday, on the same line. */
const NAME_AFTER = new RegExp(`^[ \\t]${NAME_WORD}`, 'u');
/** "Saturday Night Live", "Friday Night Lights": a capitalised part of the day, then another word of the name. */
const PART_OF_DAY_NAME_AFTER = new RegExp(
  `^[ \\t](?:Morning|Afternoon|Evening|Night)[ \\t]${NAME_WORD}`,
  'u',
);
/**
 * What names the work or thing before its title: a determiner or possessive, an opening quote or bracket, a noun
 * of a work ("book", "show"), or a verb of naming ("called", "titled").
 */
const TITLE_BEFORE =
  /(?:(?<![\p{L}])(?:the|a|an|his|her|its|their|our|my|your|book|novel|memoir|film|movie|documentary|show|series|programme|program|podcast|column|newspaper|paper|magazine|album|song|single|play|musical|strip|comic|webcomic|blog|band|club|charity|campaign|festival|called|named|titled|entitled|dubbed)\s|["“‘(])$/iu;

/** Whether the weekday at `start`..`end` (written without "last", "this" or "next") is part of a title or name. */
export function isWeekdayInName(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (PART_OF_DAY_NAME_AFTER.test(after)) return true;
  return NAME_AFTER.test(after) && TITLE_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}
