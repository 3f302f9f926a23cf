import { readFileSync } from 'node:fs';
import { type NerModel, tagWithModel } from './model.ts';
import { decodeModel } from './model-file.ts';
import type { EntityMention } from './tags.ts';

export type { EntityMention, NerType } from './tags.ts';

/**
 * The committed model, read from disk rather than imported: a bundle stays code only (the model is data,
 * 4.6 MB laid out for typed arrays (model-file.ts), copied next to each bundle as models/ner.bin by the CLI
 * build and the Lambda bundling).
 */
export const NER_MODEL_FILE = new URL('./models/ner.bin', import.meta.url);

let model: NerModel | undefined;

/** The committed model, decoded on first use and kept for the life of the process (Lambda container). */
export function loadNerModel(): NerModel {
  model ??= decodeModel(readFileSync(NER_MODEL_FILE));
  return model;
}

/**
 * People, organisations, places and other names (MISC) in `text`, sorted by start: an averaged-perceptron
 * BILOU tagger trained on CoNLL-2003 (scripts/train-ner.ts), Viterbi-decoded sentence by sentence.
 */
export function tagEntities(text: string): EntityMention[] {
  return tagWithModel(loadNerModel(), text);
}
