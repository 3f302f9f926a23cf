import { decodeModel, type ModelFile, type NerModel, tagWithModel } from './model.ts';
import modelFile from './models/ner.json' with { type: 'json' };
import type { EntityMention } from './tags.ts';

export type { EntityMention, NerType } from './tags.ts';

let model: NerModel | undefined;

/** The committed model, decoded on first use and kept for the life of the process (Lambda container). */
export function loadNerModel(): NerModel {
  model ??= decodeModel(modelFile as ModelFile);
  return model;
}

/**
 * People, organisations, places and other names (MISC) in `text`, sorted by start: an averaged-perceptron
 * BILOU tagger trained on CoNLL-2003 (scripts/train-ner.ts), Viterbi-decoded sentence by sentence.
 */
export function tagEntities(text: string): EntityMention[] {
  return tagWithModel(loadNerModel(), text);
}
