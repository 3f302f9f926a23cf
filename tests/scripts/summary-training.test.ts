import { describe, expect, it } from 'vitest';
import { WORD_FEATURES } from '#shared/summarise/word-model.ts';
import { fitLogisticRegression } from '../../scripts/logistic-regression.ts';
import { type TrainingArticle, trainSummaryModel } from '../../scripts/summary-training.ts';

describe('fitLogisticRegression', () => {
  it('finds a positive weight for a feature that raises the odds and a negative one for a feature that lowers them', () => {
    const examples = Array.from({ length: 200 }, (_, i) => {
      const up = (i % 10) / 10;
      const down = ((i * 7) % 10) / 10;
      return { features: [up, down], label: (up - down + ((i * 13) % 7) / 10 > 0.3 ? 1 : 0) as 0 | 1 };
    });

    const fit = fitLogisticRegression(examples, 0.1);

    expect(fit.weights[0]).toBeGreaterThan(0.5);
    expect(fit.weights[1]).toBeLessThan(-0.5);
  });

  it('shrinks the weights towards zero as the penalty grows', () => {
    const examples = [0, 1, 2, 3, 4, 5].map((x) => ({ features: [x], label: (x > 2 ? 1 : 0) as 0 | 1 }));

    const light = fitLogisticRegression([...examples, { features: [2], label: 1 }], 0.1);
    const heavy = fitLogisticRegression([...examples, { features: [2], label: 1 }], 100);

    expect(Math.abs(heavy.weights[0] ?? 0)).toBeLessThan(Math.abs(light.weights[0] ?? 0));
  });
});

/** Articles whose highlights repeat the first sentence: the words of the lead are the ones to predict. */
function article(id: number): TrainingArticle {
  const towns = ['Leeds', 'Derby', 'Bath', 'York', 'Hull', 'Ely'];
  const town = towns[id % towns.length] as string;
  const lead = `The council in ${town} approved a new bridge over the river on day ${id} after a long debate.`;
  const rest = [
    `Local shops in ${town} expect more customers once the bridge opens next year.`,
    'Critics said the money should have gone to schools and to the repair of local roads.',
    'The weather was mild for the time of year and many people walked along the river.',
    'A spokesman for the builders declined to comment on the timetable for the work.',
  ];
  return {
    id: `a${id}`,
    text: [lead, ...rest].join(' '),
    reference: `${town} approves new bridge over the river`,
  };
}

describe('trainSummaryModel', () => {
  const articles = Array.from({ length: 12 }, (_, i) => article(i));

  it('learns from the highlights that words of the first sentence are the ones readers keep', () => {
    const model = trainSummaryModel(articles);

    expect(model.features).toEqual([...WORD_FEATURES]);
    const firstSentence = WORD_FEATURES.indexOf('used in the first sentence');
    const firstIndex = WORD_FEATURES.indexOf('log(1 + index of the first sentence using it)');
    expect((model.weights[firstSentence] ?? 0) - (model.weights[firstIndex] ?? 0)).toBeGreaterThan(0);
    expect(model.referenceTokensPerSentence).toBeCloseTo(7 / 3, 1);
  });

  it('is deterministic: the same articles give the same model', () => {
    expect(trainSummaryModel(articles)).toEqual(trainSummaryModel(articles));
  });
});
