/**
 * bench:ner's GUM fold models kept between runs (`--fold-models DIR`): a pipeline change (entity rules,
 * cleaning) is then scored out-of-fold with the same five models in a minute instead of five trainings.
 * The weights are stored exactly (Float32, not the committed file's 16-bit quantisation), so a loaded model
 * tags as the freshly trained one does. Delete the folder when the features, the options or the data change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelWeights } from '#shared/facts/ner/model.ts';

interface StoredWeights extends Omit<ModelWeights, 'weights' | 'transitions'> {
  readonly weights: string;
  readonly transitions: string;
}

const toBase64 = (array: Float32Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/** The fold's stored model, or a new one trained by `train` and stored when DIR has none (no DIR: train). */
export function foldModel(dir: string | undefined, fold: number, train: () => ModelWeights): ModelWeights {
  if (dir === undefined) return train();
  const file = join(dir, `gum-fold-${fold + 1}.json`);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredWeights;
    return { ...stored, weights: fromBase64(stored.weights), transitions: fromBase64(stored.transitions) };
  }
  const weights = train();
  mkdirSync(dir, { recursive: true });
  const stored: StoredWeights = {
    ...weights,
    weights: toBase64(weights.weights),
    transitions: toBase64(weights.transitions),
  };
  writeFileSync(file, JSON.stringify(stored));
  return weights;
}
