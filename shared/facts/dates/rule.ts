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
}

/**
 * A pattern and how to read its matches. Patterns are global, sticky-free regular expressions whose whole
 * match is the date's span (context before or after goes in lookarounds). `read` may refuse a match.
 */
export interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  /** 'absolute' when the text alone gives the value; a function when that depends on the match. */
  readonly kind: DateFact['kind'] | ((match: RegExpExecArray) => DateFact['kind']);
  readonly read: (match: RegExpExecArray, text: string) => Resolver | undefined;
  /** False for dates placed from the date before them ("a year earlier"): they do not move the focus. */
  readonly isReference?: boolean;
  /**
   * A cheap pattern that every match of `pattern` contains: a piece of it that no match can do without
   * (not inside an optional group or one branch of an alternation), same flags, no `g`. When the text has
   * none, the rule is skipped without running `pattern`, most of whose cost is trying every position.
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

interface Scanners {
  /** The hint, global, to find each place it matches. */
  readonly hint: RegExp;
  /** The pattern, sticky, to match at one start. */
  readonly pattern: RegExp;
}

const scanners = new WeakMap<Rule, Scanners>();

function scannersOf(rule: Rule, hint: RegExp): Scanners {
  let found = scanners.get(rule);
  if (found === undefined) {
    found = {
      hint: new RegExp(hint.source, `${hint.flags}g`),
      pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}y`),
    };
    scanners.set(rule, found);
  }
  return found;
}

/** A low surrogate after a high one: a unicode pattern's scan never starts there. */
function insidePair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

/**
 * The matches `text.matchAll(rule.pattern)` gives, found by trying the pattern only at the starts within
 * `reach` before each place the hint matches (see Rule.reach): no match can start anywhere else. Each start
 * is tried once, in order, and a match's scan goes on from its end, as matchAll's does.
 */
function* reachedMatches(text: string, rule: Rule, hint: RegExp, reach: number): Generator<RegExpExecArray> {
  const { hint: places, pattern } = scannersOf(rule, hint);
  const unicode = pattern.unicode;
  /** Starts before `next` are tried or passed. */
  let next = 0;
  while (next <= text.length) {
    places.lastIndex = next;
    const place = places.exec(text);
    if (place === null) return;
    let matched = false;
    for (let start = Math.max(next, place.index - reach); start <= place.index; start += 1) {
      if (unicode && insidePair(text, start)) continue;
      pattern.lastIndex = start;
      const match = pattern.exec(text);
      if (match === null) continue;
      yield match;
      const end = start + match[0].length;
      next = end > start ? end : start + (unicode && insidePair(text, start + 1) ? 2 : 1);
      matched = true;
      break;
    }
    if (!matched) next = place.index + 1;
  }
}

/** Every match of a rule's pattern in `text`: none when its hint is missing, else as `reachedMatches` or matchAll. */
function matchesOf(text: string, rule: Rule): Iterable<RegExpExecArray> {
  const { hint, reach } = rule;
  if (hint === undefined) return text.matchAll(rule.pattern);
  if (reach !== undefined) return reachedMatches(text, rule, hint, reach);
  if (!hint.test(text)) return [];
  return text.matchAll(rule.pattern);
}

/** Every match of every rule, in rule order. */
export function findCandidates(text: string, rules: readonly Rule[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const rule of rules) {
    const { kind, read, isReference = true } = rule;
    for (const match of matchesOf(text, rule)) {
      const resolve = read(match as RegExpExecArray, text);
      if (resolve === undefined || match[0] === '') continue;
      const start = match.index;
      const kindOfMatch = typeof kind === 'function' ? kind(match as RegExpExecArray) : kind;
      candidates.push({ start, end: start + match[0].length, kind: kindOfMatch, resolve, isReference });
    }
  }
  return candidates;
}

/** Of overlapping candidates, the one starting first wins, and the longest of those starting together. */
export function leftmostLongest(candidates: readonly Candidate[]): Candidate[] {
  const sorted = candidates
    .map((candidate, order) => ({ candidate, order }))
    .sort(
      (a, b) =>
        a.candidate.start - b.candidate.start || b.candidate.end - a.candidate.end || a.order - b.order,
    );
  const kept: Candidate[] = [];
  for (const { candidate } of sorted) {
    const last = kept.at(-1);
    if (last === undefined || candidate.start >= last.end) kept.push(candidate);
  }
  return kept;
}
