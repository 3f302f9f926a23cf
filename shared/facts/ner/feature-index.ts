import { BIGRAM_TEMPLATES } from './features.ts';
import type { IdArray } from './id-array.ts';
import { buildStringTable, type StringTable, stringId } from './string-table.ts';

/**
 * The model's features by integer ids, so that tagging looks a feature up by numbers a token already holds
 * instead of strings. A feature name `template=value` becomes (template id, atom id) and, for a template
 * that joins two values with "|" (`w-1|0=a|b`, `lc-1|sh0=Xx|x`: see PAIR_TEMPLATES), (template id, left atom, right atom) under
 * each way of cutting its value at a "|": "a|b|c" is found as ("a", "b|c") and as ("a|b", "c"), so it is
 * found whichever halves the tokens give, and no other halves find it.
 */
export interface FeatureIndex {
  /** Ids of every value (and every half of a two-part value) that some feature holds. */
  readonly atoms: StringTable;
  readonly templates: ReadonlyMap<string, number>;
  /**
   * Open addressing by slot: `heads[slot]` = left atom * TEMPLATE_LIMIT + template, `rights[slot]` = right atom
   * or NONE, `rows[slot]` the feature's row or EMPTY. Stored in the model file as they are (rights and rows in
   * the narrowest type that holds them: id-array.ts).
   */
  readonly heads: Int32Array;
  readonly rights: IdArray;
  readonly rows: IdArray;
}

/** The id of no atom: a value no feature holds, or the missing right half of a one-part feature. */
export const NONE = -1;
const EMPTY = -1;
/** Templates per model at most (their ids share an int32 with the left atom's). */
export const TEMPLATE_LIMIT = 64;

function slotOf(mask: number, head: number, right: number): number {
  let hash = Math.imul(head, 0x9e3779b1) ^ Math.imul(right + 2, 0x85ebca77);
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

/** The features as a list of keys: atoms and templates by id, and one key per feature and cut. */
export interface FeatureKeys {
  readonly atoms: readonly string[];
  readonly templates: readonly string[];
  /** `keys[4k ..]` = (template, left atom, right atom or NONE, row). */
  readonly keys: Int32Array;
}

/** The keys of feature names (row = position in the list). */
export function featureKeys(features: readonly string[]): FeatureKeys {
  const atoms = new Map<string, number>();
  const templates = new Map<string, number>();
  const idOf = (ids: Map<string, number>, value: string) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    return id;
  };
  const keys: number[] = [];
  features.forEach((name, row) => {
    const split = name.indexOf('=');
    const template = name.slice(0, split);
    const value = name.slice(split + 1);
    const id = idOf(templates, template);
    if (!isPairTemplate(template)) {
      keys.push(id, idOf(atoms, value), NONE, row);
      return;
    }
    for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
      keys.push(id, idOf(atoms, value.slice(0, bar)), idOf(atoms, value.slice(bar + 1)), row);
    }
  });
  if (templates.size > TEMPLATE_LIMIT) throw new Error(`more than ${TEMPLATE_LIMIT} feature templates`);
  return { atoms: [...atoms.keys()], templates: [...templates.keys()], keys: Int32Array.from(keys) };
}

/** The index of feature keys (a later duplicate key wins); its table at most 0.7 full. */
export function indexKeys({ atoms, templates, keys }: FeatureKeys): FeatureIndex {
  const count = keys.length / 4;
  let capacity = 16;
  while (capacity * 0.7 < count) capacity *= 2;
  const mask = capacity - 1;
  const heads = new Int32Array(capacity);
  const rights = new Int32Array(capacity);
  const rows = new Int32Array(capacity).fill(EMPTY);
  for (let k = 0; k < keys.length; k += 4) {
    const head = (keys[k + 1] as number) * TEMPLATE_LIMIT + (keys[k] as number);
    const right = keys[k + 2] as number;
    let slot = slotOf(mask, head, right);
    while (rows[slot] !== EMPTY && !(heads[slot] === head && rights[slot] === right))
      slot = (slot + 1) & mask;
    heads[slot] = head;
    rights[slot] = right;
    rows[slot] = keys[k + 3] as number;
  }
  return {
    atoms: buildStringTable(atoms),
    templates: new Map(templates.map((template, id) => [template, id])),
    heads,
    rights,
    rows,
  };
}

/** Indexes feature names (row = position in the list; a later duplicate wins). */
export const buildFeatureIndex = (features: readonly string[]): FeatureIndex =>
  indexKeys(featureKeys(features));

/** The row of (template, left, right), or -1; any NONE id misses (right is NONE for one-part features). */
export function featureRow(index: FeatureIndex, template: number, left: number, right: number): number {
  if (template < 0 || left < 0) return EMPTY;
  const { heads, rights, rows } = index;
  const mask = rows.length - 1;
  const head = left * TEMPLATE_LIMIT + template;
  for (let slot = slotOf(mask, head, right); ; slot = (slot + 1) & mask) {
    const row = rows[slot] as number;
    if (row === EMPTY || (heads[slot] === head && rights[slot] === right)) return row;
  }
}
/** The row of a two-part feature by its halves' ids, or -1 when either half is no atom. */
export function pairRow(index: FeatureIndex, template: number, left: number, right: number): number {
  return right < 0 ? EMPTY : featureRow(index, template, left, right);
}

/** The id of a value, or NONE. */
export const atomOf = (index: FeatureIndex, value: string): number => stringId(index.atoms, value);

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
