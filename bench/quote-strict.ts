/**
 * The strict speaker test, printed beside quote_score.py's. Its test (a `speakerMention` that overlaps the gold
 * speaker, or a speaker name that shares one word with it) counts a wrong speaker right when the two spans touch
 * ("Clinton spokesman Jesse Lehrich" given to Clinton) or share a surname ("Hillary Clinton" for "Clinton's
 * campaign"). Here a named gold speaker is right only when:
 * - the predicted `speakerMention` (mapped onto the gold text) is the gold speaker span, bar spaces and
 *   punctuation at either end ("the newspaper" for "the newspaper"), or that span without a modifier after a
 *   comma or a preposition ("one Democratic source" for "one Democratic source on the panel"); or
 * - the gold span names an entity, as precis's own entities name it, and the predicted speaker is that entity:
 *   the persons the span names, else its organisations, else a place that is the whole span. A name that only
 *   modifies another ("Clinton's campaign", "Clinton spokesman Jesse Lehrich") is not what the span names, so
 *   "Clinton's campaign", which names no entity, is right only by its span; or
 * - the gold span names no entity (a description: "the California congressman"), the predicted mention overlaps
 *   it and precis resolved it to an entity. Which entity the description means the gold does not say, so here
 *   precis's resolution is trusted (`trusted` in the result, for reading them); a description left unresolved
 *   ("U.S. senator" for "The former first lady and U.S. senator") is right only by its span.
 */
import type { Entity, Span } from '#shared/result.ts';

/** An entity mention mapped onto the gold text. */
export interface GoldMention extends Span {
  readonly entity: Entity;
}

/** Words that open a modifier after a description: "one Democratic source [on the panel]". */
const POST_MODIFIER = /^(?:,|on|of|in|at|for|with|from|who|which|close|familiar)\b/iu;
const EDGE = /^[\s,.;:!?"'“”‘’()[\]—–-]+|[\s,.;:!?"'“”‘’()[\]—–-]+$/gu;
/** At most this many words between two names for the first to modify the second: "Clinton spokesman Jesse Lehrich". */
const MAX_ROLE_WORDS = 3;

/** The span without spaces and punctuation at either end. */
function trimmed(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = slice.length - slice.replace(/^[\s,.;:!?"'“”‘’()[\]—–-]+/u, '').length;
  const rest = slice.replace(EDGE, '');
  return { start: span.start + lead, end: span.start + lead + rest.length };
}

/** The entity mentions of precis's entities, mapped onto the gold text, sorted by start. */
export function goldMentions(
  entities: readonly Entity[],
  map: (offset: number) => number | undefined,
): GoldMention[] {
  const mapped: GoldMention[] = [];
  for (const entity of entities) {
    if (entity.type === 'other') continue;
    for (const mention of entity.mentions) {
      const start = map(mention.start);
      const end = map(mention.end);
      if (start !== undefined && end !== undefined && end > start) mapped.push({ start, end, entity });
    }
  }
  return mapped.sort((a, b) => a.start - b.start);
}

/**
 * "Clinton's campaign": a name in the possessive with more words after it in the span; "Clinton spokesman Jesse
 * Lehrich": a name with a few words (no comma) and then another name after it.
 */
function isModifier(text: string, mention: GoldMention, span: Span, inside: readonly GoldMention[]): boolean {
  const after = text.slice(mention.end, span.end);
  if (/^['’]s?\s+\S/u.test(after)) return true;
  const next = inside.find((other) => other.start >= mention.end && other.entity.type === 'person');
  if (next === undefined || mention.entity.type !== 'person') return false;
  const between = text.slice(mention.end, next.start);
  return !/[,(]/u.test(between) && between.trim().split(/\s+/u).length <= MAX_ROLE_WORDS;
}

/** The names of the entities the gold speaker span names (see the header). */
export function goldSpeakerNames(text: string, span: Span, mentions: readonly GoldMention[]): Set<string> {
  const inside = mentions.filter((mention) => mention.start >= span.start && mention.end <= span.end);
  const heads = inside.filter((mention) => !isModifier(text, mention, span, inside));
  const whole = trimmed(text, span);
  for (const type of ['person', 'organization', 'place'] as const) {
    const named = heads.filter(
      (mention) =>
        mention.entity.type === type &&
        (type !== 'place' || (mention.start === whole.start && mention.end === whole.end)),
    );
    if (named.length > 0) return new Set(named.map((mention) => mention.entity.name));
  }
  return new Set();
}

export interface StrictVerdict {
  readonly right: boolean;
  /** Right only because precis resolved a description the gold does not resolve. */
  readonly trusted: boolean;
}

/** The predicted speaker as the strict test sees it: its name, whether it is an entity, its mention (gold offsets). */
export interface StrictSpeaker {
  readonly speaker: string | undefined;
  readonly resolved: boolean;
  readonly mention: Span | undefined;
}

/** The strict test (see the header). */
export function strictVerdict(
  text: string,
  gold: Span,
  predicted: StrictSpeaker,
  mentions: readonly GoldMention[],
): StrictVerdict {
  const wrong = { right: false, trusted: false };
  const { speaker, mention } = predicted;
  if (speaker === undefined) return wrong;
  const theirs = trimmed(text, gold);
  const ours = mention === undefined ? undefined : trimmed(text, mention);
  if (ours !== undefined && ours.start === theirs.start) {
    if (ours.end === theirs.end) return { right: true, trusted: false };
    if (ours.end < theirs.end && POST_MODIFIER.test(text.slice(ours.end, theirs.end).trim()))
      return { right: true, trusted: false };
  }
  const names = goldSpeakerNames(text, gold, mentions);
  if (names.size > 0) return { right: names.has(speaker), trusted: false };
  const overlaps = ours !== undefined && Math.min(ours.end, theirs.end) > Math.max(ours.start, theirs.start);
  return overlaps && predicted.resolved ? { right: true, trusted: true } : wrong;
}
