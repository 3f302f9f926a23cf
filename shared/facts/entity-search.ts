import type { Span } from '../result.ts';
import { inPartyTag } from './entity-filters.ts';
import { canonicalName, type Group, keyOf, type NameMention } from './entity-mentions.ts';
import { isTitleWord } from './roles.ts';
import { isCapitalised, keepFirstOfOverlapping, overlapsAny, wordBefore } from './words.ts';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const FIRST_RUN = /^[\p{L}\p{N}]+/u;
const WORD_AFTER = /^\s+(\S+)/u;
const CLAUSE_END = /[.!?:;,"“”)]$/u;
const NEIGHBOUR_WINDOW = 40;

interface Hit extends Span {
  readonly group: Group;
  readonly text: string;
}

/** Adds the later mentions of a known name that the tagger missed, without overlapping any mention. */
export function completeMentions(
  text: string,
  groups: readonly Group[],
  tagged: readonly NameMention[],
): Group[] {
  const kept = keepFirstOfOverlapping(findForms(text, groups).filter((hit) => !overlapsAny(hit, tagged)));
  const byGroup = new Map<Group, NameMention[]>();
  for (const span of kept) {
    const { group } = span;
    const list = byGroup.get(group) ?? [];
    // In trimMention's order: one object shape for every mention.
    list.push({
      type: group.root.type,
      start: span.start,
      end: span.end,
      text: span.text,
      key: keyOf(span.text),
    });
    byGroup.set(group, list);
  }
  // Pushed into an array literal, not mapped, as all the mention arrays (see foldCapitals in entity-types.ts).
  const completed: Group[] = [];
  for (const group of groups) {
    const mentions = [...group.mentions, ...(byGroup.get(group) ?? [])].sort((a, b) => a.start - b.start);
    completed.push({ root: group.root, mentions });
  }
  return completed;
}

interface SearchForm {
  readonly group: Group;
  readonly form: string;
  /** Where the form's previous occurrence ends: occurrences of one form never overlap. */
  searchFrom: number;
}

/**
 * Every whole occurrence of the groups' search forms, in text order: a whole occurrence starts a run of
 * letters and digits equal to the form's first run, so forms are indexed by that run, and the text is
 * searched for each run.
 */
function findForms(text: string, groups: readonly Group[]): Hit[] {
  const byFirstRun = new Map<string, SearchForm[]>();
  for (const [group, forms] of searchForms(groups)) {
    for (const form of forms) {
      const run = FIRST_RUN.exec(form)?.[0];
      if (form.length < 2 || !isCapitalised(form) || run === undefined) continue;
      const list = byFirstRun.get(run) ?? [];
      list.push({ group, form, searchFrom: 0 });
      byFirstRun.set(run, list);
    }
  }
  const hits: Hit[] = [];
  for (const { start, run } of wholeRuns(text, byFirstRun.keys())) {
    for (const search of byFirstRun.get(run) ?? []) {
      const { form, group } = search;
      if (start < search.searchFrom || !text.startsWith(form, start)) continue;
      const end = start + form.length;
      search.searchFrom = end;
      if (isWholeName(text, start, end, !form.includes(' '))) hits.push({ start, end, group, text: form });
    }
  }
  return hits;
}

/**
 * Where each of `runs` stands in the text as a whole run of letters and digits (`[\p{L}\p{N}]+`, no letter
 * or digit on either side), in text order.
 */
function wholeRuns(text: string, runs: Iterable<string>): { start: number; run: string }[] {
  const found: { start: number; run: string }[] = [];
  for (const run of runs) {
    for (let start = text.indexOf(run); start >= 0; start = text.indexOf(run, start + 1)) {
      // Read only inside the text: an index past its end would cost the optimised loop a deopt ("out of bounds").
      const end = start + run.length;
      const after = end < text.length ? text.codePointAt(end) : undefined;
      if (isLetterOrDigit(codePointBefore(text, start)) || isLetterOrDigit(after)) continue;
      found.push({ start, run });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The code point that ends just before `index` (a surrogate pair read whole), or undefined at the start. */
function codePointBefore(text: string, index: number): number | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.codePointAt(pair ? index - 2 : index - 1);
}

function isLetterOrDigit(point: number | undefined): boolean {
  return point !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(point));
}

/**
 * The forms to search for: every form the tagger found, plus a person's surname ("Blinken" for "Antony
 * Blinken") unless another entity is written that way or shares the surname.
 */
function searchForms(groups: readonly Group[]): Map<Group, Set<string>> {
  const forms = new Map<Group, Set<string>>();
  const written = new Set<string>();
  for (const group of groups) {
    const texts = new Set<string>();
    for (const { text } of group.mentions) {
      texts.add(text);
      written.add(text);
    }
    forms.set(group, texts);
  }
  const owners = new Map<string, Group[]>();
  for (const group of groups) {
    if (group.root.type !== 'person') continue;
    const name = canonicalName(group);
    const lastSpace = name.lastIndexOf(' ');
    const surname = name.slice(lastSpace + 1);
    if (lastSpace < 0 || surname.length < 2) continue;
    const list = owners.get(surname);
    if (list === undefined) owners.set(surname, [group]);
    else list.push(group);
  }
  for (const [surname, [owner, ...others]] of owners) {
    if (owner && others.length === 0 && !written.has(surname)) forms.get(owner)?.add(surname);
  }
  return forms;
}

/**
 * A name found by search is whole when it is not part of a longer word or of a longer capitalised name, nor the
 * state of a party tag.
 */
function isWholeName(text: string, start: number, end: number, single: boolean): boolean {
  if (LETTER_OR_DIGIT.test(text[start - 1] ?? '') || LETTER_OR_DIGIT.test(text[end] ?? '')) return false;
  // "Ohio" of "Sen. Marla Quist (R-Ohio)": the senator's label, no mention of the state.
  if (inPartyTag(text, { start, end }, text.slice(start, end))) return false;
  if (!single) return true;
  const after = WORD_AFTER.exec(text.slice(end, end + NEIGHBOUR_WINDOW))?.[1];
  if (after !== undefined && isCapitalised(after) && text[end] !== ',' && !after.startsWith('“'))
    return false;
  const before = wordBefore(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start));
  if (before === undefined || CLAUSE_END.test(before) || !isCapitalised(before)) return true;
  return isTitleWord(before);
}
