import { BIGRAM_TEMPLATES } from './features.ts';

/**
 * The model's features by integer ids, so that tagging looks a feature up by numbers a token already holds
 * instead of strings. A feature name `template=value` becomes (template id, atom id) and, for a template
 * that joins two values with "|" (`w-1|0=a|b`, `lc-1|sh0=Xx|x`: see PAIR_TEMPLATES), (template id, left atom, right atom) under
 * each way of cutting its value at a "|": "a|b|c" is found as ("a", "b|c") and as ("a|b", "c"), so it is
 * found whichever halves the tokens give, and no other halves find it.
 */
export interface FeatureIndex {
  /** Ids of every value (and every half of a two-part value) that some feature holds. */
  readonly atoms: ReadonlyMap<string, number>;
  readonly templates: ReadonlyMap<string, number>;
  /** Open addressing: `keys[3 * slot ..]` = (template, left atom, right atom or NONE); `rows[slot]` or EMPTY. */
  readonly keys: Int32Array;
  readonly rows: Int32Array;
  readonly mask: number;
}

/** The id of no atom: a value no feature holds, or the missing right half of a one-part feature. */
export const NONE = -1;
const EMPTY = -1;

function slotOf(mask: number, template: number, left: number, right: number): number {
  let hash =
    Math.imul(left, 0x9e3779b1) ^ Math.imul(right + 2, 0x85ebca77) ^ Math.imul(template + 1, 0xc2b2ae3d);
  hash ^= hash >>> 15;
  return hash & mask;
}

/**
 * The templates whose value joins two values with "|" (looked up by their two halves): the word and shape
 * bigrams, and the shapes beside a common word or a gazetteer mark. Other names may hold a "|" ("fs|sh")
 * and still take one value.
 */
const PAIR_TEMPLATES: ReadonlySet<string> = new Set([
  ...BIGRAM_TEMPLATES,
  'lc-1|sh0',
  'lc+1|sh0',
  'g-1|sh0',
  'g0|sh+1',
]);

export const isPairTemplate = (template: string): boolean => PAIR_TEMPLATES.has(template);

/** One indexed key of a feature row: (template, left, right or NONE). */
type Key = readonly [template: number, left: number, right: number, row: number];

function insert(index: FeatureIndex, [template, left, right, row]: Key): void {
  const { keys, rows, mask } = index;
  let slot = slotOf(mask, template, left, right);
  while (rows[slot] !== EMPTY) {
    if (keys[3 * slot] === template && keys[3 * slot + 1] === left && keys[3 * slot + 2] === right) break;
    slot = (slot + 1) & mask;
  }
  keys[3 * slot] = template;
  keys[3 * slot + 1] = left;
  keys[3 * slot + 2] = right;
  rows[slot] = row;
}

/** Indexes feature names (row = position in the list; a later duplicate wins). */
export function buildFeatureIndex(features: readonly string[]): FeatureIndex {
  const atoms = new Map<string, number>();
  const templates = new Map<string, number>();
  const atom = (value: string) => {
    let id = atoms.get(value);
    if (id === undefined) {
      id = atoms.size;
      atoms.set(value, id);
    }
    return id;
  };
  const keys: Key[] = [];
  features.forEach((name, row) => {
    const split = name.indexOf('=');
    const template = name.slice(0, split);
    const value = name.slice(split + 1);
    let id = templates.get(template);
    if (id === undefined) {
      id = templates.size;
      templates.set(template, id);
    }
    if (!isPairTemplate(template)) {
      keys.push([id, atom(value), NONE, row]);
      return;
    }
    for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
      keys.push([id, atom(value.slice(0, bar)), atom(value.slice(bar + 1)), row]);
    }
  });
  let capacity = 16;
  while (capacity < keys.length * 2) capacity *= 2;
  const index = {
    atoms,
    templates,
    keys: new Int32Array(capacity * 3),
    rows: new Int32Array(capacity).fill(EMPTY),
    mask: capacity - 1,
  };
  for (const key of keys) insert(index, key);
  return index;
}

/** The row of (template, left, right), or EMPTY (-1); any NONE id misses (right is NONE for one-part features). */
export function featureRow(index: FeatureIndex, template: number, left: number, right: number): number {
  if (template < 0 || left < 0) return EMPTY;
  const { keys, rows, mask } = index;
  for (let slot = slotOf(mask, template, left, right); ; slot = (slot + 1) & mask) {
    const row = rows[slot] as number;
    if (row === EMPTY) return EMPTY;
    if (keys[3 * slot] === template && keys[3 * slot + 1] === left && keys[3 * slot + 2] === right)
      return row;
  }
}

/** The row of a two-part feature by its halves' ids, or -1 when either half is no atom. */
export function pairRow(index: FeatureIndex, template: number, left: number, right: number): number {
  return right < 0 ? EMPTY : featureRow(index, template, left, right);
}

/** The id of a value, or NONE. */
export const atomOf = (index: FeatureIndex, value: string): number => index.atoms.get(value) ?? NONE;

/** The id of a template, or NONE when the model has no feature of it. */
export const templateOf = (index: FeatureIndex, template: string): number =>
  index.templates.get(template) ?? NONE;

/** The row of a feature by name (`template=value`), or -1: for tests and tools. */
export function rowOfName(index: FeatureIndex, name: string): number {
  const split = name.indexOf('=');
  const template = name.slice(0, split);
  const value = name.slice(split + 1);
  const id = templateOf(index, template);
  if (!isPairTemplate(template)) return featureRow(index, id, atomOf(index, value), NONE);
  const bar = value.indexOf('|');
  if (bar < 0) return EMPTY;
  return pairRow(index, id, atomOf(index, value.slice(0, bar)), atomOf(index, value.slice(bar + 1)));
}
