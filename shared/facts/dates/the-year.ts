/**
 * When a bare "the year" is a year, and which. It is the year in focus after a story's year ("He returned to China
 * in 1920 … later in the year"), or the article's year ("since the beginning of the year"). With no publication date
 * or dateline, a year the story wrote is in focus only in the same sentence or the one before; further back, "the
 * year" is no date: "Most islands are closed during much of the year" (a travel guide with no date read it as 1380,
 * a price written three lines before), "the player of the year", "seasons vary widely during the year" (a page read
 * it as 1971, a year written 5,000 characters before). A clause after it says which year ("information on the year
 * they were painted", "that was the year Red Rum won"): no date either.
 */

/**
 * A clause right after "the year" that says which year: a pronoun or a name as its subject ("the year they were
 * painted", "the year Nixon resigned"). Not after "for", which gives the year of a report ("For the year Unisys
 * earned $2 billion").
 */
const CLAUSE_AFTER =
  /^\s(?:he|she|they|we|I|you|it|(?!(?:The|A|An|In|On|At|And|But)(?![\p{L}]))\p{Lu}[\p{L}'’]*)(?![\p{L}])/u;
const FOR_BEFORE = /(?<![\p{L}])for\s$/iu;
/** Where a sentence ends: a full stop, question or exclamation mark before a space, or a line break. */
const SENTENCE_ENDS = /[.!?]["'’”]?\s|\n/gu;

/** "over the year", "over the course of the year": a stretch of a year up to the time spoken of. */
const OVER_BEFORE = /(?<![\p{L}])over\s(?:the\scourse\sof\s)?$/iu;

/**
 * Whether "the year" at `start` is "over the year" ("a fall of 5% over the year"): with no year of the story in the
 * same sentence or the one before, it is the year up to the article's date, as TBAQ's gold values a bare "the year"
 * (the document's year), not a year spoken of paragraphs before ("unchanged from last year").
 */
export function isOverTheYear(text: string, start: number): boolean {
  return OVER_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** Whether "the year" at `start`..`end` is a year that a clause after it says ("the year they were painted"). */
export function isSaidByClause(text: string, start: number, end: number): boolean {
  return (
    CLAUSE_AFTER.test(text.slice(end, end + 24)) &&
    !FOR_BEFORE.test(text.slice(Math.max(0, start - 4), start))
  );
}

/** Whether a date that ends at `referenceEnd` is in sight of `start`: in the same sentence or the one before. */
export function isInSight(text: string, referenceEnd: number, start: number): boolean {
  let ends = 0;
  for (const _ of text.slice(referenceEnd, start).matchAll(SENTENCE_ENDS)) {
    ends += 1;
    if (ends > 1) return false;
  }
  return true;
}
