/** What a date pattern reads from the text, and what it needs to resolve to a value. */
import type { DateFact, Span } from '../../result.ts';
import type { Resolved } from './calendar.ts';
import type { Tense } from './tense.ts';

/** What a date expression is resolved against. */
export interface Context {
  /** The article's date (publication date, else the latest absolute day in the text). */
  readonly anchor?: Date;
  /** The last date mentioned before this one, for "a year earlier", "the quarter", "that year". */
  readonly reference?: Resolved;
  /** Where that date ends in the text: how far back the story spoke of it. */
  readonly referenceEnd?: number;
  /** That date when it is in the same sentence or the one before: the time of a saying ("In June the agency said"). */
  readonly referenceInSight?: Resolved;
  /** The last quarter mentioned before this one ("the year-ago quarter" follows it). */
  readonly lastQuarter?: Resolved;
  /**
   * The year of a reporting period longer than a quarter ("the nine months") mentioned after the last quarter:
   * "a year earlier" then means the year before it (see months-period.ts).
   */
  readonly monthsPeriod?: Resolved;
  /** Whether the clause around the expression looks ahead. */
  readonly tense: Tense;
}

export type Resolver = (context: Context) => Resolved | undefined;

/** A date expression found in the text. */
export interface Candidate extends Span {
  readonly kind: DateFact['kind'];
  readonly resolve: Resolver;
  /** Whether later dates may be placed from this one; false for dates placed from an earlier one. */
  readonly isReference: boolean;
  /** Whether a match that resolves to no value is no date at all, not a span kept without a value. */
  readonly noValueIsNoDate?: boolean;
}

/**
 * A pattern and how to read its matches. Patterns are global, sticky-free regular expressions whose whole
 * match is the date's span (context before or after goes in lookarounds). `read` may refuse a match.
 */
export interface Rule {
  readonly name: string;
  /**
   * Builds the pattern: called once per rule (patternOf), the first time a text has the rule's hint, not at import.
   * An expression with Unicode classes costs ~40 us of CPU per `\p{…}` to build, and most texts have the hints of
   * few rules: built at import, the rules' patterns cost every cold start about 10 ms (README Performance).
   */
  readonly pattern: () => RegExp;
  /** 'absolute' when the text alone gives the value; a function when that depends on the match. */
  readonly kind: DateFact['kind'] | ((match: RegExpExecArray, text: string) => DateFact['kind']);
  readonly read: (match: RegExpExecArray, text: string) => Resolver | undefined;
  /** False for dates placed from the date before them ("a year earlier"): they do not move the focus. */
  readonly isReference?: boolean;
  /** A match that resolves to no value is no date at all ("the year" with nothing to place it): see Candidate. */
  readonly noValueIsNoDate?: (match: RegExpExecArray) => boolean;
  /**
   * A cheap pattern that every match of `pattern` contains: a piece of it that no match can do without
   * (not inside an optional group or one branch of an alternation), same flags, no `g`. When the text has
   * none, the rule is skipped without running `pattern`, most of whose cost is trying every position. The hint's
   * own scan tries every position too, and its first character decides how fast: a hint may open on a rarer
   * piece of the match and look back for the rest (`y(?<=[Rr]ecently)`, `go(?<=days\sago)`), its place then
   * being that piece (which `reach` counts to).
   */
  readonly hint?: RegExp;
  /**
   * With a hint: the most characters a match may begin before the hint's first place in it (every match of
   * `pattern` has a place where `hint` matches at most `reach` characters after the match's start). The rule
   * then runs `pattern` only at the starts within `reach` before each place the hint matches, instead of at
   * every position of the text: the same matches, found where a date can be. A pattern whose beginning grows
   * (a longer modifier, a new word before the hint) needs its reach raised, or its longest matches are missed:
   * rule-hints.test.ts holds a phrase per reach that needs all of it; add one for the new beginning.
   */
  readonly reach?: number;
}

/** Each rule's pattern, once built (Rule.pattern). */
const patterns = new WeakMap<Rule, RegExp>();

function patternOf(rule: Rule): RegExp {
  let pattern = patterns.get(rule);
  if (pattern === undefined) {
    pattern = rule.pattern();
    patterns.set(rule, pattern);
  }
  return pattern;
}

/** A global copy of each hint, to find each place it matches; and of each pattern, sticky, to match at one start. */
const globalCopies = new WeakMap<RegExp, RegExp>();
const stickyCopies = new WeakMap<RegExp, RegExp>();

function copyOf(pattern: RegExp, copies: WeakMap<RegExp, RegExp>, flag: 'g' | 'y'): RegExp {
  let copy = copies.get(pattern);
  if (copy === undefined) {
    copy = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}${flag}`);
    copies.set(pattern, copy);
  }
  return copy;
}

/** A low surrogate after a high one: a unicode pattern's scan never starts there. */
function insidePair(text: string, at: number): boolean {
  // Out of the text (at its edges) there is no pair: reading there would deoptimise the scan ("out of bounds").
  if (at <= 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

/** Where a scan goes on after an empty match at `at`, as matchAll's does: past the whole code point. */
function pastEmpty(text: string, at: number, unicode: boolean): number {
  return at + (unicode && insidePair(text, at + 1) ? 2 : 1);
}

/** Calls `take` with each match `text.matchAll(pattern)` gives, without its iterator and its copy per call. */
function allMatches(text: string, pattern: RegExp, take: (match: RegExpExecArray) => void): void {
  const scan = copyOf(pattern, globalCopies, 'g');
  scan.lastIndex = 0;
  for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
    if (match[0] === '') scan.lastIndex = pastEmpty(text, match.index, scan.unicode);
    take(match);
  }
}

/**
 * Calls `take` with each match `text.matchAll(rule.pattern())` gives, found by trying the pattern only at the
 * starts within `reach` before each place the hint matches (see Rule.reach): no match can start anywhere else.
 * Each start is tried once, in order, and a match's scan goes on from its end, as matchAll's does.
 */
function reachedMatches(
  text: string,
  rule: Rule,
  hint: RegExp,
  reach: number,
  take: (match: RegExpExecArray) => void,
): boolean {
  const places = copyOf(hint, globalCopies, 'g');
  /** Taken once the hint is found: the rule's pattern is built then (Rule.pattern). */
  let pattern: RegExp | undefined;
  /** Starts before `next` are tried or passed. */
  let next = 0;
  while (next <= text.length) {
    places.lastIndex = next;
    const place = places.exec(text);
    if (place === null) return next > 0;
    pattern ??= copyOf(patternOf(rule), stickyCopies, 'y');
    const unicode = pattern.unicode;
    let matched = false;
    for (let start = Math.max(next, place.index - reach); start <= place.index; start += 1) {
      if (unicode && insidePair(text, start)) continue;
      pattern.lastIndex = start;
      const match = pattern.exec(text);
      if (match === null) continue;
      take(match);
      const end = start + match[0].length;
      next = end > start ? end : pastEmpty(text, start, unicode);
      matched = true;
      break;
    }
    if (!matched) next = place.index + 1;
  }
  return true;
}

/**
 * Calls `take` with every match of a rule's pattern in `text`: none when its hint is missing. Returns false when
 * the hint is found nowhere in the text.
 */
function eachMatch(text: string, rule: Rule, take: (match: RegExpExecArray) => void): boolean {
  const { hint, reach } = rule;
  if (hint === undefined) allMatches(text, patternOf(rule), take);
  else if (reach !== undefined) return reachedMatches(text, rule, hint, reach, take);
  else if (hint.test(text)) allMatches(text, patternOf(rule), take);
  else return false;
  return true;
}

/**
 * Every match of every rule, in rule order. Rules may share one hint object (the holidays do): once it is
 * found nowhere in the text, the other rules with it are skipped without a scan.
 */
export function findCandidates(text: string, rules: readonly Rule[]): Candidate[] {
  const candidates: Candidate[] = [];
  const absent = new Set<RegExp>();
  for (const rule of rules) {
    if (rule.hint !== undefined && absent.has(rule.hint)) continue;
    const { kind, read, isReference = true } = rule;
    const found = eachMatch(text, rule, (match) => {
      const resolve = read(match, text);
      if (resolve === undefined || match[0] === '') return;
      const start = match.index;
      const kindOfMatch = typeof kind === 'function' ? kind(match, text) : kind;
      candidates.push({
        start,
        end: start + match[0].length,
        kind: kindOfMatch,
        resolve,
        isReference,
        ...(rule.noValueIsNoDate?.(match) ? { noValueIsNoDate: true } : {}),
      });
    });
    if (!found && rule.hint !== undefined) absent.add(rule.hint);
  }
  return candidates;
}

/** Of overlapping candidates, the one starting first wins, and the longest of those starting together. */
export function leftmostLongest(candidates: readonly Candidate[]): Candidate[] {
  // Pushed, not mapped: V8's optimised `map` makes holey arrays where its first runs made packed ones, and the
  // sort and loop below were optimised for one kind and deoptimised by the other (bench:deopts: wrong map).
  const sorted: { candidate: Candidate; order: number }[] = [];
  for (let order = 0; order < candidates.length; order++)
    sorted.push({ candidate: candidates[order] as Candidate, order });
  sorted.sort(
    (a, b) => a.candidate.start - b.candidate.start || b.candidate.end - a.candidate.end || a.order - b.order,
  );
  const kept: Candidate[] = [];
  for (const { candidate } of sorted) {
    const last = kept.at(-1);
    if (last === undefined || candidate.start >= last.end) kept.push(candidate);
  }
  return kept;
}
