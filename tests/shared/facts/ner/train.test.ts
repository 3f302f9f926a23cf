import { describe, expect, it } from 'vitest';
import { modelFromWeights, tagWithModel } from '#shared/facts/ner/model.ts';
import { encodeModel } from '#shared/facts/ner/model-file.ts';
import type { NerType } from '#shared/facts/ner/tags.ts';
import { seededRandom, type TrainingDocument, trainTagger } from '#shared/facts/ner/train.ts';

const PEOPLE = ['Zorblat Quen', 'Mirela Odo', 'Tavish Brun', 'Ilse Marr'];
const PLACES = ['Karvenport', 'Ostrelle', 'Duneholm'];
const ORGANISATIONS = ['Velto Corp', 'Nimbal Bank'];

/** Builds a document from a template whose {PER}/{LOC}/{ORG} slots become gold spans. */
function document(template: string, fills: Partial<Record<NerType, string>>): TrainingDocument {
  let text = '';
  const entities: { type: NerType; start: number; end: number }[] = [];
  for (const part of template.split(/(\{(?:PER|LOC|ORG)\})/u)) {
    const type = part.slice(1, -1) as NerType;
    const fill = part.startsWith('{') ? fills[type] : undefined;
    if (fill === undefined) {
      text += part;
      continue;
    }
    entities.push({ type, start: text.length, end: text.length + fill.length });
    text += fill;
  }
  return { text, entities };
}

/** A small synthetic corpus written for this test. */
function corpus(): TrainingDocument[] {
  const documents: TrainingDocument[] = [];
  PEOPLE.forEach((person, i) => {
    const place = PLACES[i % PLACES.length] ?? '';
    const org = ORGANISATIONS[i % ORGANISATIONS.length] ?? '';
    documents.push(
      document('{PER} said on Monday that {ORG} would open an office in {LOC}.', {
        PER: person,
        ORG: org,
        LOC: place,
      }),
      document('The talks in {LOC} were led by {PER}, a director of {ORG}.', {
        PER: person,
        ORG: org,
        LOC: place,
      }),
      document('Officials said the weather was fine and the market was calm.', {}),
    );
  });
  return documents;
}

const options = { epochs: 4, seed: 7, gazetteer: { city: ['Karvenport'] } };

describe('trainTagger', () => {
  it('learns no feature of a template it is told to drop, and still tags', () => {
    // Act
    const weights = trainTagger(corpus(), { ...options, dropTemplates: ['w-1|sh0', 'sh0|w+1'] });
    // Assert
    const templates = new Set(weights.features.map((name) => name.slice(0, name.indexOf('='))));
    expect(templates.has('w-1|sh0')).toBe(false);
    expect(templates.has('sh0|w+1')).toBe(false);
    expect(templates.has('w-1|0')).toBe(true);
    const mentions = tagWithModel(modelFromWeights(weights), 'Mirela Odo said that Velto Corp would grow.');
    expect(mentions.map((mention) => mention.type)).toContain('PER');
  });

  it('gives byte-identical models when trained twice with the same seed', () => {
    // Act
    const first = Buffer.from(encodeModel(trainTagger(corpus(), options)));
    const second = Buffer.from(encodeModel(trainTagger(corpus(), options)));
    // Assert
    expect(second.equals(first)).toBe(true);
  });

  it('gives byte-identical models when trained twice with the prediction history', () => {
    const withHistory = { ...options, history: true };
    const first = Buffer.from(encodeModel(trainTagger(corpus(), withHistory)));
    expect(Buffer.from(encodeModel(trainTagger(corpus(), withHistory))).equals(first)).toBe(true);
  });

  it('learns to tag the entities of its training sentences', () => {
    // Arrange
    const model = modelFromWeights(trainTagger(corpus(), options));
    const text = 'Mirela Odo said on Monday that Velto Corp would open an office in Ostrelle.';
    // Act
    const mentions = tagWithModel(model, text).map(({ type, text: surface }) => `${type}:${surface}`);
    // Assert
    expect(mentions).toEqual(['PER:Mirela Odo', 'ORG:Velto Corp', 'LOC:Ostrelle']);
  });

  it('reports each epoch with its averaged weights', () => {
    const epochs: number[] = [];
    trainTagger(corpus(), {
      ...options,
      epochs: 2,
      onEpoch: (epoch, averaged) => epochs.push(averaged().tags.length + epoch),
    });
    expect(epochs).toEqual([18, 19]);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return [random(), random(), random()];
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(2)).not.toEqual(draw(1));
    for (const value of draw(3)) expect(value >= 0 && value < 1).toBe(true);
  });
});
