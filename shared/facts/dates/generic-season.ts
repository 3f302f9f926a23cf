/**
 * A season spoken of in general, not one season of one year: "the winter months", "peak blooms are typically in
 * the spring", "competing at soccer in the summer", "it sees the sun for 24 hours a day during summer". Its span is
 * kept with no value: any year given to it would be a wrong fact.
 */

/** "the winter months", "the summer season": the season of every year. */
const GENERIC_AFTER = /^\s(?:months?|seasons?)(?![\p{L}])/iu;
/** A habit in the sentence: the season comes round every year. */
const HABIT =
  /(?<![\p{L}])(?:typically|usually|often|generally|normally|always|frequently|traditionally|reputedly|sometimes|rarely|seldom|every|each\s(?:year|summer|winter|spring|autumn|fall)|a\s(?:day|year)|per\s(?:day|year)|annually)(?![\p{L}])/iu;
/** Where a sentence ends: a sentence mark or a line break (abbreviations are rare around seasons). */
const SENTENCE_END = /[.!?\n]/u;

/** Whether the season written at text[start, end) is a season in general. */
export function isGenericSeason(text: string, start: number, end: number): boolean {
  if (GENERIC_AFTER.test(text.slice(end, end + 10))) return true;
  return HABIT.test(sentenceAround(text, start, end));
}

function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text.charAt(from - 1))) from -= 1;
  const after = text.slice(end).search(SENTENCE_END);
  return text.slice(from, after < 0 ? text.length : end + after);
}
