/** Who holds a role in an article: the one person "the senator" or "the attorney general" can mean. */
import type { Entity, Span } from '../../result.ts';
import { ROLE_ABBREVIATIONS } from './lexicon.ts';
import type { EntityMentionRef, SpeakerContext } from './speaker-context.ts';

/** Words that make one title with "general" after them: attorney general, surgeon general. */
export const GENERAL_TITLES = new Set(
  'attorney surgeon secretary inspector solicitor postmaster consul governor auditor comptroller adjutant'.split(
    ' ',
  ),
);
const COMPOUND_TITLES = new RegExp(`\\b(${[...GENERAL_TITLES].join('|')})[\\s-]+general\\b`, 'gu');

interface RoleHolders {
  /** The person whose first mention with the role ends first, and where it ends. */
  readonly first: { readonly entity: Entity; readonly end: number } | undefined;
  /** Where the first mention with the role of any other person ends (Infinity when there is none). */
  readonly second: number;
}

/**
 * Per article and role noun, who holds the role (in their roles, or a title before a mention: "Sen. Elizabeth
 * Warren"), built once: filtering every mention for every quote made a page of quotes quadratic.
 */
const roleHoldersByHead = new WeakMap<readonly EntityMentionRef[], Map<string, RoleHolders>>();

export function roleHolders(context: SpeakerContext, head: string): RoleHolders {
  let byHead = roleHoldersByHead.get(context.mentions);
  if (byHead === undefined) {
    byHead = new Map();
    roleHoldersByHead.set(context.mentions, byHead);
  }
  const known = byHead.get(head);
  if (known !== undefined) return known;
  const short = ROLE_ABBREVIATIONS.get(head);
  const isTitle = (title: string) => {
    const titleWords = joinCompoundTitles(title.toLowerCase().replace(/\./gu, '')).split(/\s+/u);
    return titleWords.includes(head) || (short !== undefined && titleWords.includes(short));
  };
  const holds = (mention: EntityMentionRef) =>
    (mention.entity.roles ?? []).some(isTitle) || isTitle(titleBefore(context.text, mention));
  const firstEnd = new Map<Entity, number>();
  for (const mention of context.mentions) {
    if (mention.entity.type !== 'person' || !holds(mention)) continue;
    const end = firstEnd.get(mention.entity);
    if (end === undefined || mention.end < end) firstEnd.set(mention.entity, mention.end);
  }
  const [first, second] = [...firstEnd].sort((a, b) => a[1] - b[1]);
  const holders: RoleHolders = {
    first: first && { entity: first[0], end: first[1] },
    second: second?.[1] ?? Number.POSITIVE_INFINITY,
  };
  byHead.set(head, holders);
  return holders;
}

/** The word written right before a name ("Sen." in "Sen. Elizabeth Warren"), or two that are one title ("Attorney General"). */
function titleBefore(text: string, mention: Span): string {
  const match = /(\S+)\s+(\S+)\s+$/u.exec(text.slice(Math.max(0, mention.start - 32), mention.start));
  if (match?.[2]?.toLowerCase() === 'general' && GENERAL_TITLES.has(match[1]?.toLowerCase() ?? '')) {
    return `${match[1]} ${match[2]}`;
  }
  return /(\S+)\s+$/u.exec(text.slice(Math.max(0, mention.start - 16), mention.start))?.[1] ?? '';
}

/** Titles written as two words, as one: "Attorney General Ann Reyes" -> "attorney-general ann reyes". */
function joinCompoundTitles(title: string): string {
  return title.replace(COMPOUND_TITLES, (_, first: string) => `${first}-general`);
}
