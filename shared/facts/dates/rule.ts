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
}

/** Every match of every rule, in rule order. */
export function findCandidates(text: string, rules: readonly Rule[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { pattern, kind, read, isReference = true, hint } of rules) {
    if (hint !== undefined && !hint.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
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
