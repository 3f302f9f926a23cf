/**
 * The future of a past ("said the pool would reopen in May", "said it could not answer until September": tense
 * `near`) looks ahead from the saying, not from the article's date. The saying is dated by the day or the month the
 * story spoke of last, in the same sentence or the one before ("In June the agency asked. It said it could not answer
 * until September", written in November: that September); with no date in sight, the saying is near the article's
 * date, so a month is the first such month from the article's month on: written in June, "the mayor said the pool
 * would reopen in May" is next May, not the May just gone (which the story would say it "reopened in").
 */
import { parseDay, type Resolved } from './calendar.ts';

/** How far back a saying's date may be written. */
const REACH = 600;
/**
 * Where a sentence ends: a full stop, question or exclamation mark before a space, or a line break; not the full stop
 * of an initial or an abbreviation ("Mr. Smith said", "on Nov. 3 said").
 */
const SENTENCE_END =
  /(?<!(?<![\p{L}])(?:\p{L}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Rev|Inc|Corp|Co|Ltd|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[.!?]["'’”]?\s|\n/u;

const SENTENCE_ENDS = new RegExp(SENTENCE_END.source, 'gu');

/** Whether text[from, to) spans at most one sentence end (the same sentence or the one before; REACH characters). */
export function isSpokenInSight(text: string, from: number, to: number): boolean {
  if (to - from > REACH) return false;
  let ends = 0;
  for (const _ of text.slice(from, to).matchAll(SENTENCE_ENDS)) {
    ends += 1;
    if (ends > 1) return false;
  }
  return true;
}

/**
 * The day a future of a past looks ahead from: the first day of the day or month spoken of last, when it is in
 * sight (`referenceInSight`), else the article's date; undefined when that date is coarser (a year, a quarter),
 * which says too little of when the saying was.
 */
export function sayingTime(anchor: Date, referenceInSight: Resolved | undefined): Date | undefined {
  if (referenceInSight === undefined) return anchor;
  if (referenceInSight.granularity === 'day') return parseDay(referenceInSight.value);
  if (referenceInSight.granularity === 'month') return parseDay(`${referenceInSight.value}-01`);
  return undefined;
}
