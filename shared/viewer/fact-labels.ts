import type { DateFact, Entity, EntityType, NumberFact, QuoteFact } from '#shared/result.ts';
import { formatNumber } from './format-number.ts';

/** Words for facts, shared by the tooltips and the facts panel. */

const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other'];

const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  other: 'Other name',
};

/** A known entity type (used in class names), whatever the Result says. */
export const entityType = (entity: Entity): EntityType =>
  ENTITY_TYPES.includes(entity.type) ? entity.type : 'other';

export const entityTypeLabel = (entity: Entity): string => ENTITY_TYPE_LABELS[entityType(entity)];

export { ENTITY_TYPE_LABELS, ENTITY_TYPES };

export function numberValue(fact: NumberFact): string {
  const value = Number.isFinite(fact.value) ? formatNumber(fact.value) : String(fact.value);
  return fact.unit === undefined ? value : `${value} ${fact.unit}`;
}

/** "day, relative to 2023-06-19 (metadata)". */
export function dateDetail(fact: DateFact): string {
  const parts = [fact.granularity ?? '', fact.kind === 'relative' ? 'relative' : ''].filter(Boolean);
  const anchor = fact.anchor === undefined ? '' : ` to ${fact.anchor.value} (${fact.anchor.from})`;
  return `${parts.join(', ')}${anchor}`;
}

/** "said", "telling, partial". */
export function quoteDetail(fact: QuoteFact): string {
  return [fact.verb ?? '', fact.partial === true ? 'partial quote' : ''].filter(Boolean).join(', ');
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
