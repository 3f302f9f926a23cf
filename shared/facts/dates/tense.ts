/**
 * Whether the clause around a date speaks of the past or the future. "Friday" in "will meet on Friday" is the
 * next Friday; in "met on Friday", the last one; "until" looks ahead ("will stay until Friday"), except after a
 * state in the past ("was secretary until the summer"). Without a cue the caller decides (news mostly reports the
 * past; a month and day without a year is the nearest one).
 */

/**
 * 'near': the future of a past ("said he would leave Friday"): after the saying, which is near the article's date
 * but may be before it ("In June the department said it couldn't answer until September", written in November),
 * so the occurrence nearest the article's date.
 */
export type Tense = 'past' | 'future' | 'near' | 'unknown';

/**
 * Cues that the clause looks ahead: a modal ("will"), an arrangement ("is set to", "plans to", "is to take over",
 * "if she were to win"), a deadline ("until", "payable", "of record").
 */
const FUTURE_BEFORE =
  /(?:(?<![\p{L}])(?:will|shall|won['’]t)|['’]ll|(?<![\p{L}])(?:(?:is|are|was|were)\s(?:set|due|scheduled|expected|going|slated)\sto|(?:is|are|were)\sto|plans?\sto|planned\sto|planning\s(?:to|for)|prepar(?:e|es|ing)\sfor|(?:scheduled|planned|set|slated|due)\s(?:to|for)|(?:scheduled|slated)\s(?:on|in)|until|as\s(?:soon|early)\sas|upcoming|payable|effective|due|expires?|of\srecord|(?<!(?:had|thought|seemed|appeared|believed|claimed|known|used)\s)to\sbe|expect(?:s|ed)?\s(?:\p{L}+\s)?to))(?![\p{L}])/giu;
/**
 * A verb in the present progressive ("is calling for the redemption on Dec. 7", "are meeting Monday"): news
 * uses it for what is arranged to happen, so it looks ahead like "will". Not a noun in "-ing" ("is nothing").
 */
const PROGRESSIVE =
  /(?:(?<![\p{L}])(?:is|are|am)|['’]re)\s(?:\p{L}+ly\s)?(?!(?:no|some|any|every)thing|thing|morning|evening|spring|king|during)\p{L}{2,}ing(?![\p{L}])/giu;
const POSSESSIVE = /^['’]s?(?![\p{L}])/u;
/**
 * A date right after "ahead of" or "before" ("wound down ahead of Monday's holiday", "Ahead of Friday's meeting,
 * France and Germany unveiled"): an event close to the time of the clause, which is near the article's date, so
 * the occurrence nearest that date, whatever the tense of the clause.
 */
const AHEAD_OF = /(?<![\p{L}])(?:[Aa]head\sof|[Bb]efore)\s$/u;
/**
 * A verb of a schedule in the simple present right before the date: "He and Arafat meet separately Monday",
 * "the session opens on Tuesday", "Congress reconvenes in January". News speaks of what is arranged so: it
 * looks ahead. Not after a modal or "to" ("would meet Friday", "plans to arrive Monday": their own cues), nor
 * after a determiner ("the meet Monday"); no verb that is as often a noun ("a bright start on Saturday", "tax
 * returns", "heads", "leaves") or an adjective ("open on Sunday").
 */
const SCHEDULED_PRESENT =
  /(?<![\p{L}])(?<!(?<![\p{L}])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hat|to|would|could|should|might|may|must|can|did|didn['’]t|not|never)\s)(?:meets?|begins?|opens|ends|closes|arrives?|resumes?|convenes?|reconvenes?|expires?|testif(?:y|ies)|goes)(?:\s\p{Ll}+ly)?(?:\s(?:on|in))?\s$/u;
/**
 * "would" as the future of a past ("said the dividend would be paid in January", "said he would leave Friday"):
 * not a past conditional ("would have"), not a habit ("would often visit").
 */
const WOULD =
  /(?<![\p{L}])(?:would(?:n['’]t)?|['’]d)(?:\s(?:not|never))?(?!\s(?:not\s|never\s)?(?:have|often|usually|always|sometimes|regularly|typically)(?![\p{L}]))(?![\p{L}])/giu;
/** A modal of the past before "until": "said it could not answer anything until September". */
const PAST_MODAL = /(?<![\p{L}])(?:would|could)(?:n['’]t)?(?![\p{L}])/iu;
/**
 * What ends the reach of that "would" before the date: a comma, or a clause of its own ("would appeal the
 * decision, announced Monday", "would produce aid for them, where the Aug. 7 blasts killed").
 */
const WOULD_REACH_ENDS =
  /[,:(]|(?<![\p{L}])(?:where|which|who|whom|whose|that|when|while|because)(?![\p{L}])/iu;
/** "will" after the date in its clause, not in a relative clause ("approved an amendment on Tuesday that will grant"). */
const FUTURE_AFTER =
  /^(?:(?!(?<![\p{L}])(?:that|which|who)(?![\p{L}]))[^.!?;\n]){0,30}?(?<![\p{L}])(?:will|shall)(?![\p{L}])/iu;
/** A modal: a future cue that no later verb undoes (unlike "plans to", which a plan in the past can hold). */
const MODAL_FUTURE = /^(?:will|shall|won['’]t|['’]ll)$/iu;
/**
 * The clause's own verb after the date, in the past: "his plans to travel in February [were delayed]". No
 * comma between, so the date sits in the subject of that verb rather than in an aside.
 */
const PAST_AFTER = /^[^.!?;,\n]{0,30}?(?<![\p{L}])(?:was|were|had)(?![\p{L}])/iu;
/**
 * Verbs in the past: "said", "was", and the simple past of irregular verbs, which no other form shares ("went",
 * not "gone"; not "held", which is also "will be held"). Not every "-ed" word: "ordered it returned by Jan. 14"
 * sets a deadline ahead.
 */
const PAST_BEFORE =
  /(?<![\p{L}])(?:said|told|was|were|had|did|ago|went|came|began|took|gave|saw|ran|fell|rose|won|wrote|spoke|broke|flew|drove|grew|knew|became|sank|drew|chose|froze|stole|wore|forgot|forgave)(?![\p{L}])/giu;
/**
 * What keeps "until" looking ahead after a verb in the past: a deadline given or moved ("were given until
 * Tuesday", "was postponed until March", "has been called off until tomorrow"), a wait, or a modal or an
 * infinitive ("said it would stay open until Friday", "agreed to defer the decision until 2001").
 */
const UNTIL_AHEAD =
  /(?<![\p{L}])(?:(?:would|could|should|must)(?:n['’]t)?|won['’]t|can['’]t|cannot|might|will|shall|to|given|granted|allowed|extended|postponed|delayed|adjourned|deferred|suspended|off|wait|waiting)(?![\p{L}])/iu;
/** "Until" that opens its clause: "Until that day in April, Mr. Clarke had never been in a coal mine." */
const OPENING_UNTIL = /^\s*$/u;

/**
 * The main clause after the date of a clause that "Until" opens: from the first comma after the date to the end
 * of that clause ("Until that day in April, [Mr. Clarke, 61, had never been in a coal mine]").
 */
function mainClauseAfter(text: string, end: number): string {
  const after = text.slice(end, end + 2 * WINDOW);
  const comma = after.indexOf(',');
  if (comma < 0) return '';
  const rest = after.slice(comma + 1);
  const stop = rest.search(CLAUSE_BREAK);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** The main clause in the past, with no modal or plan that looks ahead ("Until March, the office will stay shut"). */
function isPastMainClause(clause: string): boolean {
  return lastMatch(PAST_BEFORE, clause) !== undefined && lastMatch(FUTURE_BEFORE, clause) === undefined;
}

/** Verbs of a lasting state in the past, which "until" ends: "remained chairman until June", "kept going until 2 a.m.". */
const PAST_STATE =
  /(?<![\p{L}])(?:remained|stayed|served|lived|lasted|worked|continued|kept|ruled|reigned|played)(?![\p{L}])/giu;
/**
 * A date that opens its clause: "On Saturday, …", "Tuesday, …", "In August the festival drew …" (after a dateline's
 * place: "Preston, Victoria On Saturday"), also after a capitalised word that links it to the sentence before
 * ("However, on March 6 he wrote …", "But in May the board voted …").
 */
const OPENS_CLAUSE =
  /(?:^\s*(?:(?:\p{Lu}\p{Ll}+,?\s)?(?:[Oo]n\s|[Ii]n\s|[Dd]uring\s|[Ee]arly\s|[Ll]ate\s))?|(?<=\S\s)On\s)$/u;
/**
 * The clause's verb after a date that opens it, in the past: "On Saturday, Wikinews interviewed …", "Tuesday night,
 * the Senate passed …". Up to four words of subject between (a name in "-ed", Mohamed, is no verb); not a
 * participle after a determiner ("the newly elected president"), and no auxiliary of the present or the future
 * before it ("is expected", "will be").
 */
const PAST_AFTER_OPENING =
  /^(?:\s(?:night|morning|afternoon|evening))?,?\s(?:(?!(?:is|are|am|will|would|to|be|been|being|shall|can|could|may|might|must|should|has|have)\s)[\p{L}'’.-]+\s){0,4}?(?<!(?:the|a|an|newly|recently)\s)(?:said|told|was|were|had|did|went|came|began|took|gave|saw|ran|fell|rose|won|wrote|spoke|broke|flew|drove|grew|knew|became|sank|drew|chose|froze|stole|wore|forgot|forgave|\p{Ll}{2,}(?<!e)ed)(?![\p{L}])/u;
/**
 * A regular verb in the past right before the date's preposition: "the strike ended in July", "the deal, announced
 * in July, closed". Not a passive or a state to come ("is expected in December", "to be married in June"), nor a
 * participle that plans ("as planned in October", "scheduled for"), nor a perfect ("events to have occurred on
 * September 7 in history", "will have finished in June"); and only with a preposition, as the form is
 * also a participle ("headed Tuesday to East Africa" in Monday's paper).
 */
const PAST_RIGHT_BEFORE =
  /(?<![\p{L}])(?<!(?:is|are|be|been|being|am|have|has|['’]s|['’]re|['’]ve)\s)(?!(?:planned|scheduled|expected|slated|set|timed|proposed|intended|anticipated|projected|forecasted|billed|tipped|needed|required|due)\s)\p{Ll}{2,}(?<!e)ed\s(?:in|on|during|through)\s(?:(?:early|late|mid)[\s-])?$/u;
const WINDOW = 60;
/**
 * Where a clause ends: a sentence mark, a semicolon, a line break, ", and", ", but". The full stop of an
 * abbreviation ("9 a.m. Tuesday", "Daniel P. Davison Feb. 1", "Mr.", "Dec.") ends nothing.
 */
const CLAUSE_BREAK =
  /[!?;\n]|(?<!(?<![\p{L}])(?:\p{L}|a\.m|p\.m|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Rev|Sgt|Capt|Lt|Col|Prof|Inc|Corp|Co|Ltd|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|EST|EDT|GMT))\.|,\s(?:and|but)\s/gu;

/** The clause of `text` that ends at `index`: at most WINDOW characters, from the last sentence break. */
function clauseBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - WINDOW), index);
  let start = 0;
  for (const match of window.matchAll(CLAUSE_BREAK)) start = match.index + match[0].length;
  return window.slice(start);
}

/** The last match of a global pattern in `text`, if any. */
function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

/** Of two matches, the one that starts later. */
function later(
  a: RegExpMatchArray | undefined,
  b: RegExpMatchArray | undefined,
): RegExpMatchArray | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (b.index ?? 0) > (a.index ?? 0) ? b : a;
}

/**
 * The tense of the clause that holds text[start, end): the later of a future and a past cue before it wins,
 * except that a plan ("plans to travel in February") whose clause goes on in the past ("were delayed") is a
 * plan for a date already gone.
 */
export function tenseAt(text: string, start: number, end: number): Tense {
  const before = clauseBefore(text, start);
  // A date that names an event by its day ("during Monday's debate") is not what the progressive arranges.
  const named = POSSESSIVE.test(text.slice(end, end + 2));
  if (!named && SCHEDULED_PRESENT.test(before)) return 'future';
  if (AHEAD_OF.test(before)) return 'near';
  const arranged = named ? undefined : lastMatch(PROGRESSIVE, before);
  const would = named ? undefined : lastMatch(WOULD, before);
  const wouldReaches =
    would !== undefined && !WOULD_REACH_ENDS.test(before.slice((would.index ?? 0) + would[0].length));
  // "McCrory's opponent in the upcoming election, called Friday for": an adjective in an aside the comma closes
  // says nothing of the clause's tense
  const cue = lastMatch(FUTURE_BEFORE, before);
  const aside = cue !== undefined && /^upcoming$/iu.test(cue[0]) && before.includes(',', cue.index);
  const future = later(later(aside ? undefined : cue, arranged), wouldReaches ? would : undefined);
  const past = lastMatch(PAST_BEFORE, before)?.index ?? -1;
  if (future !== undefined && (future.index ?? 0) >= past) {
    // "was education secretary until the summer": a state in the past ended on that date
    if (/^until$/iu.test(future[0])) {
      const state = Math.max(past, lastMatch(PAST_STATE, before)?.index ?? -1);
      if (state >= 0 && state < (future.index ?? 0) && !UNTIL_AHEAD.test(before.slice(state, future.index)))
        return 'past';
      // "Until that day in April, Mr. Clarke had never been in a coal mine": the main clause after it is past
      if (OPENING_UNTIL.test(before.slice(0, future.index)) && isPastMainClause(mainClauseAfter(text, end)))
        return 'past';
    }
    const undone = !MODAL_FUTURE.test(future[0]) && PAST_AFTER.test(text.slice(end, end + WINDOW));
    if (undone) return 'past';
    // "said it couldn't answer anything until September": the future of that past, as with "would"
    const pastModal =
      /^until$/iu.test(future[0]) && past >= 0 && PAST_MODAL.test(before.slice(past, future.index));
    return future === would || pastModal ? 'near' : 'future';
  }
  if (past >= 0 || PAST_RIGHT_BEFORE.test(before)) return 'past';
  const after = text.slice(end, end + WINDOW);
  if (FUTURE_AFTER.test(after)) return 'future';
  if (OPENS_CLAUSE.test(before) && PAST_AFTER_OPENING.test(after)) return 'past';
  return 'unknown';
}

/**
 * What stands between two items of a list of dates: a comma or "and", and at most a few words ending in a
 * preposition ("Italy in November, back to Las Vegas in December, Mexico in January"; "on Monday and Tuesday").
 */
/** The longest LIST_GAP: ", and " or ", then ", 60 characters of words, a space and a preposition. */
const LIST_GAP_REACH = 80;
const LIST_GAP =
  /^(?:,\s(?:(?:and|or|then)\s)?|\s(?:and|or)\s)(?:[^,.;:!?\n()"“”]{0,60}?\s)?(?:(?:in|on|by|until|through)\s)?$/u;

/**
 * Whether the date at `start` continues a list whose previous date ends at `previousEnd`: with no cue of its own, an
 * item takes the tense of the one before it, as the cue that opened the list lies beyond the clause's window
 * ("I am going to Italy in November, back to Las Vegas in December, Mexico in January": a January to come).
 */
export function continuesList(text: string, previousEnd: number, start: number): boolean {
  return (
    start > previousEnd &&
    start - previousEnd <= LIST_GAP_REACH &&
    LIST_GAP.test(text.slice(previousEnd, start))
  );
}
