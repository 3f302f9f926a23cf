/**
 * bench:quotes' fixed folds of the PolNeAR dev articles: per outlet, the articles in hash order of their id are
 * cut into FOLDS equal runs. Fold UNTOUCHED_FOLD is never read while rules are written (`--develop` leaves it
 * out); check:identical's `--develop` leaves out the same articles.
 */
import { stableHash } from './evaluation-data.ts';

export const FOLDS = 4;
/** The fold whose errors are never written out while rules are developed. */
export const UNTOUCHED_FOLD = 3;

/** Per outlet, articles in hash order of their id, cut into FOLDS equal runs. */
export function assignFolds(
  articles: readonly { readonly id: string; readonly publisher: string }[],
): Map<string, number> {
  const folds = new Map<string, number>();
  const publishers = new Set(articles.map((article) => article.publisher));
  for (const publisher of publishers) {
    const own = articles.filter((article) => article.publisher === publisher);
    own.sort((a, b) => stableHash(a.id) - stableHash(b.id) || a.id.localeCompare(b.id));
    for (const [index, article] of own.entries()) {
      folds.set(article.id, Math.floor((FOLDS * index) / own.length));
    }
  }
  return folds;
}
