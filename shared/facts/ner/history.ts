import { NER_TYPES, type NerType, OUTSIDE, typeOf } from './tags.ts';

/** Template of the prediction-history feature: `h=<type>`. */
export const HISTORY_TEMPLATE = 'h';
/** Every name the history feature can take, so training can index them up front. */
export const HISTORY_FEATURES: readonly string[] = NER_TYPES.map((type) => `${HISTORY_TEMPLATE}=${type}`);

/**
 * Extended prediction history (Ratinov & Roth 2009): per capitalised word of a document, how often each
 * type was predicted for it in the sentences tagged so far. "Blinken" tagged PER early in an article
 * is evidence for the bare "Blinken" later.
 */
export type PredictionHistory = Map<string, number[]>;

/** The type most often predicted so far for a key (first in NER_TYPES order on a tie). */
export function historyType(history: PredictionHistory, key: string | undefined): NerType | undefined {
  const counts = key === undefined ? undefined : history.get(key);
  if (!counts) return undefined;
  // A plain loop, not forEach: this runs for every capitalised token.
  let best = 0;
  for (let type = 1; type < counts.length; type += 1)
    if ((counts[type] as number) > (counts[best] as number)) best = type;
  return NER_TYPES[best];
}

/** Records the types predicted for a sentence's capitalised tokens. */
export function recordHistory(
  history: PredictionHistory,
  keys: readonly (string | undefined)[],
  tags: ArrayLike<number>,
): void {
  for (let t = 0; t < keys.length; t += 1) {
    const key = keys[t];
    if (key === undefined) continue;
    const type = typeOf(tags[t] ?? OUTSIDE);
    if (type === undefined) continue;
    let counts = history.get(key);
    if (counts === undefined) {
      // Array.from, not `map`, whose optimised form makes holey arrays where its first runs made packed ones.
      counts = Array.from(NER_TYPES, () => 0);
      history.set(key, counts);
    }
    const index = NER_TYPES.indexOf(type);
    counts[index] = (counts[index] ?? 0) + 1;
  }
}
