import { isDemonym } from '../lexicon/nationalities.ts';
import type { Entity, Span } from '../result.ts';
import { COMPANY_WORDS, ownerOf } from './entity-business.ts';
import { dropNonNames, splitJoinedNames } from './entity-filters.ts';
import { confirmHeadlineNames } from './entity-headlines.ts';
import { institutionMentions } from './entity-institutions.ts';
import { joinLeadingWords, joinModelCodes } from './entity-leading-words.ts';
import { splitBasedNames } from './entity-listings.ts';
import {
  canonicalName,
  dropLeadingThe,
  type Group,
  joinInitials,
  joinOfNames,
  joinPeoplesNames,
  joinPluralPairs,
  keyOf,
  type NameMention,
  type Surface,
  trimMention,
} from './entity-mentions.ts';
import { splitCitedAuthors } from './entity-references.ts';
import { completeMentions } from './entity-search.ts';
import { joinTitledHeads } from './entity-title-heads.ts';
import { decideTypes } from './entity-types.ts';
import { type KnownNames, knownNames } from './ner/known-names.ts';
import type { EntityMention } from './ner/tag-entities.ts';
import { roleAfter, roleBefore } from './roles.ts';
import { keepFirstOfOverlapping, lastIndexStartingBefore, straightenApostrophes } from './words.ts';

export interface EntityOptions {
  /** The headline: entities named in it are more salient. */
  readonly title?: string;
  /** What the gazetteers know about names; the committed model's by default. */
  readonly known?: KnownNames;
}

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
const TITLE_BONUS = 2;
const SCHOOL_LAST_WORDS = new Set(['University', 'College']);

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
  // Pushed into array literals, not spread or mapped, as all the mention arrays (see foldCapitals).
  const withBodies: EntityMention[] = [];
  const known = options.known ?? knownNames();
  const confirmed = confirmHeadlineNames(text, tagged, known);
  for (const mention of confirmed) withBodies.push(mention);
  for (const mention of institutionMentions(text, confirmed)) withBodies.push(mention);
  withBodies.sort((a, b) => a.start - b.start);
  const trimmed: NameMention[] = [];
  const joined = joinTitledHeads(
    text,
    joinPluralPairs(
      text,
      joinPeoplesNames(text, joinLeadingWords(text, joinModelCodes(text, withBodies), known)),
    ),
  );
  for (const mention of joinOfNames(text, joinInitials(text, joined, known))) {
    const name = trimMention(text, mention);
    if (name !== undefined) trimmed.push(name);
  }
  const names = dropNonNames(
    text,
    splitCitedAuthors(text, splitJoinedNames(splitBasedNames(trimmed))),
    known,
  );
  const mentions = decideTypes(text, keepFirstOfOverlapping(dropLeadingThe(names)), known);
  const surfaces = surfacesOf(mentions);
  const groups = groupMentions(mentions, surfaces);
  const completed = completeMentions(text, groups, mentions);
  const people: NameMention[] = [];
  for (const group of completed)
    if (group.root.type === 'person') for (const mention of group.mentions) people.push(mention);
  people.sort((a, b) => a.start - b.start);
  const entities: Entity[] = [];
  for (const group of completed) entities.push(toEntity(text, group, people));
  return rank(text, entities, options.title);
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
 * The longer surfaces a shorter one may stand for within one article, in the order they were first seen.
 * Only surfaces sharing a first word, a tail of words or initials with the short one can be its full form,
 * so those are looked up in an index rather than every pair compared.
 */
function fullFormsBySurface(surfaces: Map<string, Surface>): Map<string, Surface[]> {
  const order = new Map<Surface, number>();
  const byFirst = new Map<string, Surface[]>();
  const byInitials = new Map<string, Surface[]>();
  const byTail = new Map<string, Surface[]>();
  for (const surface of surfaces.values()) {
    order.set(surface, order.size);
    const { key, tokens } = surface;
    addTo(byFirst, tokens[0] ?? '', surface);
    const owner = ownerOf(tokens[0] ?? '');
    if (owner !== undefined) addTo(byFirst, owner, surface);
    addTo(byInitials, initialsOf(tokens), surface);
    // The key is its tokens joined by single spaces: each tail is the key after one of its spaces.
    for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1))
      addTo(byTail, key.slice(space + 1), surface);
  }
  const fullForms = new Map<string, Surface[]>();
  for (const surface of surfaces.values()) {
    const single = surface.tokens.length === 1;
    const forms: Surface[] = [];
    for (const candidates of [
      byTail.get(surface.key),
      single ? byFirst.get(surface.key) : undefined,
      single ? byInitials.get(surface.key) : undefined,
    ]) {
      for (const other of candidates ?? []) {
        if (forms.includes(other) || other.tokens.length <= surface.tokens.length) continue;
        if (isShortFormOf(surface, other)) forms.push(other);
      }
    }
    const singular = forms.length === 0 ? singularNationality(surface, surfaces) : undefined;
    if (singular !== undefined) forms.push(singular);
    // Surfaces without a full form (most) are left out: groupMentions reads them as having none.
    if (forms.length > 0)
      fullForms.set(
        surface.id,
        forms.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      );
  }
  return fullForms;
}

/**
 * "Americans" beside "American", both others: one nationality, named by its singular ("South Koreans" beside "South
 * Korean" likewise), rather than two entities a reader sees side by side.
 */
function singularNationality(surface: Surface, surfaces: Map<string, Surface>): Surface | undefined {
  if (surface.type !== 'other' || !surface.key.endsWith('s')) return undefined;
  const singular = surfaces.get(`other|${surface.key.slice(0, -1)}`);
  return singular !== undefined && isDemonym(singular.tokens.at(-1) ?? '') ? singular : undefined;
}

/** Adds `surface` to the list of `key`, once: a surface's tails and first word may be the same words. */
function addTo(index: Map<string, Surface[]>, key: string, surface: Surface): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [surface]);
  else if (list.at(-1) !== surface) list.push(surface);
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
  // "Harvard" beside "Harvard University": a school named by its first word (not "Harvard Law School").
  if (
    full.type === 'organization' &&
    single === first &&
    full.tokens.length === 2 &&
    SCHOOL_LAST_WORDS.has(last ?? '')
  )
    return true;
  if (full.type === 'organization' && single !== undefined) {
    // "Moody" (of "Moody’s said") and "Moody’s Analytics Inc.": a company named by its founder's possessive.
    const named = single === first || single === ownerOf(first ?? '');
    return named && (COMPANY_ENDINGS.has(last ?? '') || COMPANY_WORDS.has(last ?? ''));
  }
  if (full.type !== 'organization' || single !== undefined) return false;
  const joined = short.tokens.join(' ');
  return full.key.endsWith(` ${joined}`);
}

function initialsOf(tokens: readonly string[]): string {
  let initials = '';
  for (const token of tokens) if (!ACRONYM_SKIP.has(token.toLowerCase())) initials += token[0] ?? '';
  return initials;
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

function toEntity(text: string, group: Group, people: readonly Span[]): Entity {
  const { mentions } = group;
  const name = canonicalName(group);
  // The full name's own tagging decides the type: "US" tagged as an organisation in "US official" does
  // not turn "United States" into one.
  const type = group.root.type;
  const aliases = [...new Set(mentions.map((mention) => mention.text))].filter((alias) => alias !== name);
  const roles = type === 'person' ? rolesOf(text, mentions, people) : [];
  // One object shape for every entity: no aliases or roles is `undefined`, not a missing property (JSON leaves
  // out both), so rank's copies and its sort see one map, not four.
  return {
    type,
    name,
    mentions: mentions.map(({ start, end }) => ({ start, end })),
    aliases: aliases.length > 0 ? aliases : undefined,
    roles: roles.length > 0 ? roles : undefined,
    count: mentions.length,
  };
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
  const named = (name: string) => titleKey.includes(keyOf(name));
  // Arrays pushed into literals, not mapped: an article without entities then gets empty arrays of the same
  // elements kinds as one with entities (see foldCapitals in entity-types.ts).
  const raw: number[] = [];
  let top = 1;
  for (const entity of entities) {
    const inTitle = named(entity.name) || entity.aliases?.some(named) ? TITLE_BONUS : 0;
    const first = entity.mentions[0]?.start ?? text.length;
    const score = entity.mentions.length + inTitle + (1 - first / Math.max(1, text.length));
    raw.push(score);
    top = Math.max(top, score);
  }
  const ranked: (Entity & { readonly salience: number })[] = [];
  for (let index = 0; index < entities.length; index++) {
    // toEntity's fields written out, in its order, rather than spread: a spread copies through a slow path.
    const { type, name, mentions, aliases, roles, count } = entities[index] as Entity;
    ranked.push({ type, name, mentions, aliases, roles, count, salience: round((raw[index] ?? 0) / top) });
  }
  return ranked.sort(
    (a, b) => b.salience - a.salience || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
