import type { Entity, EntityType, Span } from '../result.ts';
import type { EntityMention, NerType } from './ner/tag-entities.ts';
import { isHonorific, isTitleWord, roleAfter, roleBefore } from './roles.ts';
import {
  CLAUSE_OPENERS,
  isCapitalised,
  keepFirstOfOverlapping,
  lastIndexStartingBefore,
  overlapsAny,
  straightenApostrophes,
} from './words.ts';

export interface EntityOptions {
  /** The headline: entities named in it are more salient. */
  readonly title?: string;
}

/** A tagged mention trimmed to the name itself ("the State Department’s" -> "State Department"). */
interface NameMention extends Span {
  readonly type: EntityType;
  readonly text: string;
  readonly key: string;
}

/** All mentions written the same way (same key), and what they resolve to. */
interface Surface {
  /** Type and key: the same words tagged as a place and as an organisation are two surfaces. */
  readonly id: string;
  readonly key: string;
  readonly tokens: readonly string[];
  readonly mentions: NameMention[];
  type: EntityType;
}

const ENTITY_TYPES: Readonly<Record<NerType, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};
const LEADING_EDGE = /^[\s"“”‘’'[\]{},;:!?–—-]+/u;
const TRAILING_EDGE = /[\s"“”‘’'[\]{},;:!?–—-]+$/u;
const TRAILING_PERIOD = /\.$/u;
/** Periods that belong to the name: initialisms ("U.S.") and short abbreviations ("St.", "Inc.", "Jr."). */
const NAME_PERIOD = /(?:(?:^|[.\s])\p{Lu}|(?:^|\s)\p{Lu}\p{Ll}{1,3})\.$/u;
const POSSESSIVE_END = /(?<=\p{L})(?:['’]s|(?<=s)['’])$/u;
/** A name after one of these is a person's, whatever the tagger said ("Mr Peters" tagged as an organisation). */
const PERSONAL_HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+\p{Lu}/u;
/** Words that never sit inside a name: a tagged name holding one starts after it. */
const INNER_BREAKS = new Set(
  'But However Meanwhile Despite Although Though While When After Before Since Because If Yet'.split(' '),
);
const LEADING_ARTICLE = /^the\s+/u;
const CAPITAL_ARTICLE = /^The\s+/u;
const ANY_UPPERCASE = /\p{Lu}/u;
const WHITESPACE = /\s+/gu;
const NON_SPACE_RUN = /\S+/gu;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', '&', 'de', 'du', 'la']);
const COMPANY_ENDINGS = new Set([
  'Inc',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  'Ltd',
  'Group',
  'plc',
  'LLC',
  'AG',
]);
/** Words of "Secretary of ..." titles, skipped with the title before a person's name. */
const OF_DEPARTMENTS = new Set(
  (
    'State Defense Defence Homeland Security Treasury Commerce Energy Health Transportation Agriculture ' +
    'Labor Labour Education Interior Justice Staff Foreign Affairs Finance Trade the'
  ).split(' '),
);
/** Heads of names that go on with "of" and another name: "Republic of China", "Bank of England". */
const OF_HEADS = new Set(
  (
    'Republic Kingdom Commonwealth Federation Union Emirate Emirates Principality Duchy Bank University ' +
    'Ministry Department Institute Academy College Museum Church Council Court Gulf Bay Isle Sea Strait Cape'
  ).split(' '),
);
const LAST_WORD = /\S+$/u;
const TITLE_OF_BEFORE = /\b(?:Secretary|Minister|Chief|Head|Director|Chancellor|Governor)\s+of\s+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER_DIGIT_RUNS = /[\p{L}\p{N}]+/gu;
const FIRST_RUN = /^[\p{L}\p{N}]+/u;
const SPACE = /\s/u;
const WORD_AFTER = /^\s+(\S+)/u;
const CLAUSE_END = /[.!?:;,"“”)]$/u;
const NEIGHBOUR_WINDOW = 40;
const TITLE_BONUS = 2;

/**
 * Groups tagged mentions into entities: names trimmed of articles, possessives and titles; short forms
 * merged into the full name used in the same article ("Blinken" -> "Antony Blinken", "CIA" -> "Central
 * Intelligence Agency"); later mentions of a known name the tagger missed added; roles attached to people;
 * salience from frequency, position and the headline. Every mention's text is the name or one of the aliases.
 */
export function buildEntities(
  text: string,
  tagged: readonly EntityMention[],
  options: EntityOptions = {},
): Entity[] {
  const trimmed = joinOfNames(text, tagged)
    .map((mention) => trimMention(text, mention))
    .filter((mention) => mention !== undefined);
  const mentions = settleTypes(keepFirstOfOverlapping(dropLeadingThe(trimmed)));
  const surfaces = surfacesOf(mentions);
  const groups = groupMentions(mentions, surfaces);
  const completed = completeMentions(text, groups, mentions);
  const people = completed
    .filter((group) => group.root.type === 'person')
    .flatMap((group) => group.mentions)
    .sort((a, b) => a.start - b.start);
  return rank(
    text,
    completed.map((group) => toEntity(text, group, people)),
    options.title,
  );
}

/**
 * Joins a name whose head takes an "of" complement to the name after it, when the tagger split them:
 * "[People’s Republic] of [China]" -> "People’s Republic of China", "[Bank] of [England]".
 */
function joinOfNames(text: string, tagged: readonly EntityMention[]): EntityMention[] {
  const joined: EntityMention[] = [];
  for (const mention of tagged) {
    const previous = joined.at(-1);
    const head = previous === undefined ? undefined : LAST_WORD.exec(previous.text)?.[0];
    const between = previous === undefined ? '' : text.slice(previous.end, mention.start);
    if (previous && head && OF_HEADS.has(head) && between === ' of ' && mention.type !== 'PER') {
      joined[joined.length - 1] = {
        ...previous,
        end: mention.end,
        text: text.slice(previous.start, mention.end),
      };
    } else joined.push(mention);
  }
  return joined;
}

function trimMention(text: string, mention: EntityMention): NameMention | undefined {
  let start = mention.start;
  let end = mention.end;
  const slice = () => text.slice(start, end);
  const trimEdges = () => {
    const value = slice();
    start += LEADING_EDGE.exec(value)?.[0].length ?? 0;
    end -= TRAILING_EDGE.exec(value)?.[0].length ?? 0;
    const trimmed = slice();
    if (trimmed.endsWith(')') && !trimmed.includes('(')) end -= 1;
    if (trimmed.startsWith('(') && !trimmed.includes(')')) start += 1;
  };
  trimEdges();
  const possessive = POSSESSIVE_END.exec(slice());
  if (possessive) end -= possessive[0].length;
  if (TRAILING_PERIOD.test(slice()) && !NAME_PERIOD.test(slice())) end -= 1;
  const article = LEADING_ARTICLE.exec(slice());
  if (article) start += article[0].length;
  start = afterOpeners(text, start, end);
  if (isTitleComplement(text, start, end)) return undefined;
  const named = afterTitleOf(text, start, end);
  const type = PERSONAL_HONORIFIC.test(slice()) || named > start ? 'person' : ENTITY_TYPES[mention.type];
  start = named;
  if (type === 'person') start = afterTitles(text, start, end);
  trimEdges();
  const surface = slice();
  if (end <= start || !ANY_UPPERCASE.test(surface)) return undefined;
  return { type, start, end, text: surface, key: keyOf(surface) };
}

/**
 * Skips clause openers a tagger took for part of a name: "Despite Blinken" at the start, and in text that
 * lost its sentence breaks, "ESPNcricinfo But Stewart" in the middle.
 */
function afterOpeners(text: string, start: number, end: number): number {
  let position = start;
  let leading = true;
  for (const word of text.slice(start, end).matchAll(NON_SPACE_RUN)) {
    const after = start + word.index + word[0].length;
    if (after >= end) break;
    const opener: boolean = leading
      ? word[0] !== 'The' && CLAUSE_OPENERS.has(word[0])
      : INNER_BREAKS.has(word[0]);
    if (opener) position = after;
    leading &&= opener;
  }
  return position;
}

/** Skips the titles a tagger left in front of a person's name: "US Secretary of State Antony Blinken". */
function afterTitles(text: string, start: number, end: number): number {
  const words = [...text.slice(start, end).matchAll(NON_SPACE_RUN)];
  let nameStart = -1;
  for (let index = 0; index < words.length - 1; index++) {
    const word = (words[index] as RegExpExecArray)[0];
    if (isTitleWord(word) || isHonorific(word)) nameStart = index + 1;
    else if (word === 'of' && nameStart === index) {
      let next = index + 1;
      while (next < words.length - 1 && OF_DEPARTMENTS.has((words[next] as RegExpExecArray)[0])) next++;
      nameStart = next;
      index = next - 1;
    }
  }
  const first = words[nameStart];
  return nameStart > 0 && first ? start + first.index : start;
}

/** A mention that only completes a title before it: "Secretary of [Defense]", "Minister of [Foreign Affairs]". */
function isTitleComplement(text: string, start: number, end: number): boolean {
  if (!TITLE_OF_BEFORE.test(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start))) return false;
  return [...text.slice(start, end).matchAll(NON_SPACE_RUN)].every((word) => OF_DEPARTMENTS.has(word[0]));
}

/**
 * A mention right after "Secretary of" that starts with the rest of the title and ends in a name is that
 * person: "US Secretary of [Defense Lloyd Austin]" -> "Lloyd Austin". Returns the name's start, or `start`.
 */
function afterTitleOf(text: string, start: number, end: number): number {
  if (!TITLE_OF_BEFORE.test(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start))) return start;
  const words = [...text.slice(start, end).matchAll(NON_SPACE_RUN)];
  let first = 0;
  while (first < words.length && OF_DEPARTMENTS.has((words[first] as RegExpExecArray)[0])) first++;
  const name = words.slice(first);
  const isName =
    first > 0 && name.length >= 2 && name.length <= 3 && name.every((word) => isCapitalised(word[0]));
  return isName ? start + (name[0] as RegExpExecArray).index : start;
}

function keyOf(surface: string): string {
  return straightenApostrophes(surface).replaceAll('.', '').replace(WHITESPACE, ' ');
}

function surfacesOf(mentions: readonly NameMention[]): Map<string, Surface> {
  const surfaces = new Map<string, Surface>();
  for (const mention of mentions) {
    const id = surfaceId(mention);
    const surface = surfaces.get(id) ?? {
      id,
      key: mention.key,
      tokens: mention.key.split(' '),
      mentions: [],
      type: mention.type,
    };
    surface.mentions.push(mention);
    surfaces.set(id, surface);
  }
  return surfaces;
}

function surfaceId(mention: NameMention): string {
  return `${mention.type}|${mention.key}`;
}

/**
 * A name tagged once with one type and at least twice with another takes the other: a tagger's slip.
 * Names tagged several times with each type keep both ("New York" the city and the team).
 */
function settleTypes(mentions: readonly NameMention[]): NameMention[] {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(surfaceId(mention), (counts.get(surfaceId(mention)) ?? 0) + 1);
  return mentions.map((mention) => {
    if (counts.get(surfaceId(mention)) !== 1) return mention;
    let best = mention.type;
    for (const type of Object.values(ENTITY_TYPES)) {
      const count = counts.get(`${type}|${mention.key}`) ?? 0;
      if (count >= 2 && count > (counts.get(`${best}|${mention.key}`) ?? 0)) best = type;
    }
    return best === mention.type ? mention : { ...mention, type: best };
  });
}

/** "The State Department" is "State Department" when the article also writes it without "The". */
function dropLeadingThe(mentions: readonly NameMention[]): NameMention[] {
  const keys = new Set(mentions.map((mention) => mention.key));
  return mentions.map((mention) => {
    const article = CAPITAL_ARTICLE.exec(mention.text);
    if (!article) return mention;
    const text = mention.text.slice(article[0].length);
    if (!keys.has(keyOf(text))) return mention;
    return { ...mention, start: mention.start + article[0].length, text, key: keyOf(text) };
  });
}

/**
 * The longer surfaces a shorter one may stand for within one article, in the order they were first seen.
 * Only surfaces sharing a first word, a tail of words or initials with the short one can be its full form,
 * so those are looked up in an index rather than every pair compared.
 */
function fullFormsBySurface(surfaces: Map<string, Surface>): Map<string, Surface[]> {
  const order = new Map<Surface, number>();
  const index = new Map<string, Surface[]>();
  const add = (key: string, surface: Surface) => {
    const list = index.get(key) ?? [];
    if (list.at(-1) !== surface) list.push(surface);
    index.set(key, list);
  };
  for (const surface of surfaces.values()) {
    order.set(surface, order.size);
    const { tokens } = surface;
    add(`first ${tokens[0] ?? ''}`, surface);
    add(`initials ${initialsOf(tokens)}`, surface);
    for (let from = 1; from < tokens.length; from++) add(`tail ${tokens.slice(from).join(' ')}`, surface);
  }
  const fullForms = new Map<string, Surface[]>();
  for (const surface of surfaces.values()) {
    const single = surface.tokens.length === 1;
    const candidates = new Set([
      ...(index.get(`tail ${surface.key}`) ?? []),
      ...(single ? (index.get(`first ${surface.key}`) ?? []) : []),
      ...(single ? (index.get(`initials ${surface.key}`) ?? []) : []),
    ]);
    const forms = [...candidates].filter(
      (other) => other.tokens.length > surface.tokens.length && isShortFormOf(surface, other),
    );
    fullForms.set(
      surface.id,
      forms.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    );
  }
  return fullForms;
}

function isShortFormOf(short: Surface, full: Surface): boolean {
  const first = full.tokens[0];
  const last = full.tokens.at(-1);
  const single = short.tokens.length === 1 ? short.key : undefined;
  if (full.type === 'person') {
    // Another type (not a place) merges only as a surname: "Blinken" tagged as an organisation merges;
    // "Labour" does not become "Labour Brown", nor "Washington" the city "George Washington".
    if (single === undefined || short.type === 'place') return false;
    return single === last || (single === first && short.type === 'person');
  }
  if (single !== undefined && ACRONYM.test(single) && initialsOf(full.tokens) === single) return true;
  if (short.type !== full.type) return false;
  if (full.type === 'organization' && single !== undefined) {
    return single === first && COMPANY_ENDINGS.has(last ?? '');
  }
  if (full.type !== 'organization' || single !== undefined) return false;
  const joined = short.tokens.join(' ');
  return full.key.endsWith(` ${joined}`);
}

function initialsOf(tokens: readonly string[]): string {
  return tokens
    .filter((token) => !ACRONYM_SKIP.has(token.toLowerCase()))
    .map((token) => token[0] ?? '')
    .join('');
}

interface Group {
  readonly root: Surface;
  readonly mentions: NameMention[];
}

/**
 * Resolves every mention to the surface it stands for: itself, or the full form whose latest mention came
 * before it (the "Biden" after "Joe Biden"), or else the most frequent full form.
 */
function groupMentions(mentions: readonly NameMention[], surfaces: Map<string, Surface>): Group[] {
  const fullForms = fullFormsBySurface(surfaces);
  const rootOf = (surface: Surface, position: number, depth = 0): Surface => {
    const forms = fullForms.get(surface.id) ?? [];
    if (forms.length === 0 || depth > 3) return surface;
    return rootOf(pickForm(forms, position), position, depth + 1);
  };
  const groups = new Map<string, Group>();
  for (const mention of mentions) {
    const root = rootOf(surfaces.get(surfaceId(mention)) as Surface, mention.start);
    const group = groups.get(root.id) ?? { root, mentions: [] };
    group.mentions.push(mention);
    groups.set(root.id, group);
  }
  return [...groups.values()];
}

function pickForm(forms: readonly Surface[], position: number): Surface {
  let best: Surface | undefined;
  let bestStart = -1;
  for (const form of forms) {
    const latest = form.mentions[lastIndexStartingBefore(form.mentions, position)]?.start ?? -1;
    if (latest > bestStart) [best, bestStart] = [form, latest];
  }
  if (best) return best;
  return [...forms].sort((a, b) => b.mentions.length - a.mentions.length)[0] as Surface;
}

interface Hit extends Span {
  readonly group: Group;
  readonly text: string;
}

/** Adds the later mentions of a known name that the tagger missed, without overlapping any mention. */
function completeMentions(text: string, groups: readonly Group[], tagged: readonly NameMention[]): Group[] {
  const kept = keepFirstOfOverlapping(findForms(text, groups).filter((hit) => !overlapsAny(hit, tagged)));
  const byGroup = new Map<Group, NameMention[]>();
  for (const span of kept) {
    const { group } = span;
    const list = byGroup.get(group) ?? [];
    list.push({
      start: span.start,
      end: span.end,
      text: span.text,
      type: group.root.type,
      key: keyOf(span.text),
    });
    byGroup.set(group, list);
  }
  return groups.map((group) => ({
    root: group.root,
    mentions: [...group.mentions, ...(byGroup.get(group) ?? [])].sort((a, b) => a.start - b.start),
  }));
}

interface SearchForm {
  readonly group: Group;
  readonly form: string;
  /** Where the form's previous occurrence ends: occurrences of one form never overlap. */
  searchFrom: number;
}

/**
 * Every whole occurrence of the groups' search forms, in one pass over the text: a whole occurrence starts
 * a run of letters and digits equal to the form's first run, so forms are indexed by that run.
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
  for (const run of text.matchAll(LETTER_DIGIT_RUNS)) {
    const start = run.index;
    for (const search of byFirstRun.get(run[0]) ?? []) {
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
 * The forms to search for: every form the tagger found, plus a person's surname ("Blinken" for "Antony
 * Blinken") unless another entity is written that way or shares the surname.
 */
function searchForms(groups: readonly Group[]): Map<Group, Set<string>> {
  const forms = new Map(
    groups.map((group) => [group, new Set(group.mentions.map((mention) => mention.text))]),
  );
  const owners = new Map<string, Group[]>();
  for (const group of groups) {
    const words = canonicalName(group).split(' ');
    const surname = words.at(-1) as string;
    if (group.root.type !== 'person' || words.length < 2 || surname.length < 2) continue;
    owners.set(surname, [...(owners.get(surname) ?? []), group]);
  }
  const written = new Set([...forms.values()].flatMap((set) => [...set]));
  for (const [surname, [owner, ...others]] of owners) {
    if (owner && others.length === 0 && !written.has(surname)) forms.get(owner)?.add(surname);
  }
  return forms;
}

/** A name found by search is whole when it is not part of a longer word or of a longer capitalised name. */
function isWholeName(text: string, start: number, end: number, single: boolean): boolean {
  if (LETTER_OR_DIGIT.test(text[start - 1] ?? '') || LETTER_OR_DIGIT.test(text[end] ?? '')) return false;
  if (!single) return true;
  const after = WORD_AFTER.exec(text.slice(end, end + NEIGHBOUR_WINDOW))?.[1];
  if (after !== undefined && isCapitalised(after) && text[end] !== ',' && !after.startsWith('“'))
    return false;
  const before = wordBefore(text.slice(Math.max(0, start - NEIGHBOUR_WINDOW), start));
  if (before === undefined || CLAUSE_END.test(before) || !isCapitalised(before)) return true;
  return isTitleWord(before);
}

/**
 * The last run of non-space characters of `window` when the window ends in space, read from the end: a
 * regular expression anchored at the end (`(\S+)\s+$`) would retry from every position.
 */
function wordBefore(window: string): string | undefined {
  let end = window.length;
  while (end > 0 && SPACE.test(window[end - 1] as string)) end--;
  if (end === window.length || end === 0) return undefined;
  let start = end;
  while (start > 0 && !SPACE.test(window[start - 1] as string)) start--;
  return window.slice(start, end);
}

function toEntity(text: string, group: Group, people: readonly Span[]): Entity {
  const { mentions } = group;
  const name = canonicalName(group);
  // The full name's own tagging decides the type: "US" tagged as an organisation in "US official" does
  // not turn "United States" into one.
  const type = group.root.type;
  const aliases = [...new Set(mentions.map((mention) => mention.text))].filter((alias) => alias !== name);
  const roles = type === 'person' ? rolesOf(text, mentions, people) : [];
  return {
    type,
    name,
    mentions: mentions.map(({ start, end }) => ({ start, end })),
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(roles.length > 0 ? { roles } : {}),
    count: mentions.length,
  };
}

/** The root surface as most often written ("U.S." or "US"), earliest on a tie. */
function canonicalName(group: Group): string {
  const counts = new Map<string, number>();
  for (const mention of group.root.mentions) counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
  let best = group.root.mentions[0]?.text ?? group.root.key;
  for (const [text, count] of counts) if (count > (counts.get(best) ?? 0)) best = text;
  return best;
}

/** The roles written next to a person's mentions; other people's names are never part of a role. */
function rolesOf(text: string, mentions: readonly Span[], people: readonly Span[]): string[] {
  const roles = new Map<string, string>();
  for (const mention of mentions) {
    for (const role of [roleBefore(text, mention.start, people), roleAfter(text, mention.end, people)]) {
      if (role === undefined) continue;
      const key = straightenApostrophes(role).toLowerCase();
      if (!roles.has(key)) roles.set(key, role);
    }
  }
  return [...roles.values()];
}

/**
 * Salience in [0, 1]: mentions, plus a bonus for the headline, plus how early the first mention comes;
 * the most salient entity scores 1. Entities come back most salient first.
 */
function rank(text: string, entities: readonly Entity[], title: string | undefined): Entity[] {
  const titleKey = title === undefined ? '' : keyOf(title);
  const raw = entities.map((entity) => {
    const names = [entity.name, ...(entity.aliases ?? [])].map(keyOf);
    const inTitle = names.some((name) => titleKey.includes(name)) ? TITLE_BONUS : 0;
    const first = entity.mentions[0]?.start ?? text.length;
    return entity.mentions.length + inTitle + (1 - first / Math.max(1, text.length));
  });
  const top = raw.reduce((max, value) => Math.max(max, value), 1);
  return entities
    .map((entity, index) => ({ ...entity, salience: round((raw[index] ?? 0) / top) }))
    .sort((a, b) => b.salience - a.salience || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
