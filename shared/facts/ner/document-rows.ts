import { featureRow, NONE } from './feature-index.ts';
import type { SentenceContext } from './features.ts';
import { withRoom } from './row-lists.ts';
import { type Scorer, wordAtom } from './scorer.ts';
import type { TypeStore } from './type-store.ts';

/**
 * A document's evidence for each token text, kept in the type store's document cache while the scorer reads
 * one document: whether the document writes the text capitalised mid-sentence or in lower case (flags), and
 * the rows of the words met around it (aggregated contexts, a-1 and a+1), computed on its first token there.
 */

/** Per-document flags of a token type in the store's document cache. */
export const CAPITALISED_IN_DOCUMENT = 1;
export const LOWERCASE_IN_DOCUMENT = 2;

/** Appends the rows of a template over context words to the scorer's aggregated rows. */
function appendWordRows(scorer: Scorer, words: ReadonlySet<string> | undefined, template: number): void {
  if (words === undefined) return;
  for (const word of words) {
    const row = featureRow(scorer.index, template, wordAtom(scorer, word), NONE);
    if (row < 0) continue;
    scorer.aggregated = withRoom(scorer.aggregated, scorer.aggregatedLength);
    scorer.aggregated[scorer.aggregatedLength] = row;
    scorer.aggregatedLength += 1;
  }
}

/** Makes the store's document cache the document's (whose evidence this is), clearing it on a new one. */
export function enterDocument(scorer: Scorer, evidence: SentenceContext['evidence']): void {
  if (scorer.document === evidence) return;
  scorer.document = evidence;
  scorer.aggregatedLength = 0;
  scorer.serial += 1;
  if (scorer.serial > 0x3fffffff) {
    scorer.serial = 1;
    scorer.store.seen.fill(0);
  }
}

/** The document evidence of type `id` (flags, aggregated rows), computed on its first token in the document. */
export function documentEntry(
  scorer: Scorer,
  store: TypeStore,
  id: number,
  lower: string,
  evidence: SentenceContext['evidence'],
): void {
  if (store.seen[id] === scorer.serial) return;
  store.seen[id] = scorer.serial;
  store.flags[id] =
    (evidence.capitalised.has(lower) ? CAPITALISED_IN_DOCUMENT : 0) |
    (evidence.lowercase.has(lower) ? LOWERCASE_IN_DOCUMENT : 0);
  store.aggregatedStart[id] = scorer.aggregatedLength;
  appendWordRows(scorer, evidence.before.get(lower), scorer.ids.aggregatedBefore);
  appendWordRows(scorer, evidence.after.get(lower), scorer.ids.aggregatedAfter);
  store.aggregatedEnd[id] = scorer.aggregatedLength;
}
