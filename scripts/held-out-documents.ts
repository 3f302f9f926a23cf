/**
 * check:identical's `--develop`: the names of the documents it leaves out, so that a helper comparing outputs never
 * reads a held-out document's name or fields. They are bench:dates' held-out TBAQ documents and bench:quotes' fold 3
 * of PolNeAR, chosen by the very functions those benchmarks split with.
 */
import { isHeldOut } from '../bench/date-split.ts';
import { assignFolds, UNTOUCHED_FOLD } from '../bench/quote-folds.ts';

export const tbaqName = (id: string) => `tbaq/${id}`;
export const polnearName = (id: string) => `polnear/${id}`;

/** The check:identical names of TBAQ's held-out documents and PolNeAR's fold 3. */
export function heldOutNames(
  tbaq: readonly { readonly id: string }[],
  polnear: readonly { readonly id: string; readonly publisher: string }[],
): Set<string> {
  const names = new Set<string>();
  for (const { id } of tbaq) if (isHeldOut(id)) names.add(tbaqName(id));
  const folds = assignFolds(polnear);
  for (const { id } of polnear) if (folds.get(id) === UNTOUCHED_FOLD) names.add(polnearName(id));
  return names;
}
