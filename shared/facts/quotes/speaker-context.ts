import type { Entity, Span } from '../../result.ts';
import { lastIndexStartingBefore } from '../words.ts';
import type { Gender } from './gender.ts';

/** Who said it: the words that name the speaker (`mention`) and whom they resolve to. */
export interface Attribution {
  /**
   * The entity's name, or the description as written when it names no entity ("a US official"); absent
   * when the subject is a pronoun that names no one ("they call it …"): the quote is attributed, to no one known.
   */
  readonly speaker?: string;
  /** person or organization; a country speaking through its government is an organization. */
  readonly speakerType?: 'person' | 'organization';
  readonly mention: Span;
  readonly verb: string;
  /** The entity the speaker resolved to, if any. */
  readonly entity?: Entity;
}

export interface EntityMentionRef extends Span {
  readonly entity: Entity;
}

export interface SpeakerContext {
  readonly text: string;
  /** The text with quotations blanked out (offsets kept). */
  readonly masked: string;
  /** Every entity mention, sorted by start. */
  readonly mentions: readonly EntityMentionRef[];
  readonly genders: ReadonlyMap<Entity, Gender>;
  /** The speaker of the quote before, for "it said". */
  readonly previous: Attribution | undefined;
  /** The attributions of every quote before, in order. */
  readonly earlier: readonly Attribution[];
}

/** How many entity mentions back a pronoun or description may look for what it refers to. */
const MAX_ANTECEDENT_DISTANCE = 200;

export function entityAttribution(
  mention: EntityMentionRef,
  verb: string,
  span: Span = mention,
): Attribution {
  return {
    speaker: mention.entity.name,
    speakerType: mention.entity.type === 'person' ? 'person' : 'organization',
    mention: { start: span.start, end: span.end },
    verb,
    entity: mention.entity,
  };
}

/** The last mention before `position`, outside quotations and at most a few hundred mentions back, that `accept`s. */
export function lastMentionBefore(
  context: SpeakerContext,
  position: number,
  accept: (entity: Entity) => boolean,
): EntityMentionRef | undefined {
  const last = lastIndexStartingBefore(context.mentions, position);
  for (let index = last; index >= 0 && last - index < MAX_ANTECEDENT_DISTANCE; index--) {
    const mention = context.mentions[index] as EntityMentionRef;
    if (mention.end <= position && accept(mention.entity) && !isInQuote(context, mention)) return mention;
  }
  return undefined;
}

export function isInQuote(context: SpeakerContext, span: Span): boolean {
  return context.masked[span.start] !== context.text[span.start];
}
