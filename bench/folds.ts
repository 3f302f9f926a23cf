import { createHash } from 'node:crypto';

/** Folds for cross-validation: fixed by each item's id, so adding or reordering data never moves an item. */
export const FOLDS = 5;

export function foldOf(id: string, folds = FOLDS): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % folds;
}
