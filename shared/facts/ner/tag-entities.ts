import { readFileSync } from 'node:fs';
import { decodeModel, type ModelFile, type NerModel, tagWithModel } from './model.ts';
import type { EntityMention } from './tags.ts';

export type { EntityMention, NerType } from './tags.ts';

/**
 * The committed model, read from disk rather than imported: a bundle stays code only (the model is data,
 * 1.1 MB, copied next to each bundle as models/ner.json by the CLI build and the Lambda bundling).
 */
export const NER_MODEL_FILE = new URL('./models/ner.json', import.meta.url);

let model: NerModel | undefined;

/** The committed model, decoded on first use and kept for the life of the process (Lambda container). */
export function loadNerModel(): NerModel {
  model ??= decodeModel(JSON.parse(readFileSync(NER_MODEL_FILE, 'utf8')) as ModelFile);
  return model;
}

/**
 * People, organisations, places and other names (MISC) in `text`, sorted by start: an averaged-perceptron
 * BILOU tagger trained on CoNLL-2003 (scripts/train-ner.ts), Viterbi-decoded sentence by sentence.
 */
export function tagEntities(text: string): EntityMention[] {
  return tagWithModel(loadNerModel(), text);
}
