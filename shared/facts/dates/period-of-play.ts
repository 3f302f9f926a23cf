/**
 * A quarter or a half of a match is no date: "the Springboks held an unassailable 32-8 lead going into the last
 * quarter" (a Reuters rugby report of August 1996) is the game's last twenty minutes, not 1996-Q2, and "scored
 * twice in the fourth quarter" is no 1996-Q4. A quarter or half written without a year is a period of play when its
 * sentence speaks of a game (a score, points, a goal, a penalty, a lead) and not of money or the economy
 * ("earnings fell in the fourth quarter", "growth slowed in the second quarter" stay quarters of the year).
 */

/** Words of a game: scoring, the lead, the parts of a match. */
const GAME =
  /(?<![\p{L}\p{N}])(?:\d{1,3}-\d{1,3}\s(?:lead|win|victory|defeat|loss|deficit)|scor(?:e|es|ed|ing)|points?|penalt(?:y|ies)|(?:a|the|his|her|their)\stry|tries|goals?|touchdowns?|baskets?|field\sgoals?|free\sthrows?|rebounds?|kick(?:s|ed)?|innings|half-?time|overtime|full-?time|(?:the\s)?(?:lead|led|trailed|trailing)|quarterback|the\s(?:game|match)|minutes?\s(?:later|left|remaining|to\splay))(?![\p{L}\p{N}])/iu;
/** Words of money and the economy: a quarter of the year. */
const ACCOUNTS =
  /(?<![\p{L}\p{N}])(?:profits?|earn(?:ed|ings)?|revenues?|sales|income|net\sloss|losses|shares?|dividends?|economy|economic|growth|GDP|percent(?:age)?|surplus|deficits?|billion|million|prices?|demand|output|quarterly|fiscal|index|stocks?|bonds?|markets?|rates?)(?![\p{L}\p{N}])|[%$£€]/iu;
/** Where a sentence ends: a full stop, question or exclamation mark before a space, or a line break. */
const SENTENCE_END = /[.!?]["'’”]?\s|\n/u;
const SENTENCE_ENDS = new RegExp(SENTENCE_END.source, 'gu');
/** How far around the date its sentence is looked for. */
const REACH = 400;

/** The sentence around `start`..`end` (at most REACH characters either side). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - REACH), start);
  let from = 0;
  for (const match of before.matchAll(SENTENCE_ENDS)) from = match.index + match[0].length;
  const after = text.slice(end, end + REACH);
  const stop = SENTENCE_END.exec(after);
  return before.slice(from) + text.slice(start, end) + (stop ? after.slice(0, stop.index + 1) : after);
}

/** Whether the quarter or half at `start`..`end` is a period of a match ("going into the last quarter"). */
export function isPeriodOfPlay(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end);
  if (!/quarter|half/iu.test(span) || /\d|year/iu.test(span)) return false;
  const sentence = sentenceAround(text, start, end);
  return GAME.test(sentence) && !ACCOUNTS.test(sentence);
}
