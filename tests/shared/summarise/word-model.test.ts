import { describe, expect, it } from 'vitest';
import {
  articleWords,
  checkedSummaryModel,
  SUMMARY_MODEL,
  WORD_FEATURES,
  wordFeatures,
  wordProbabilities,
  wordTokens,
} from '#shared/summarise/word-model.ts';

describe('wordTokens', () => {
  it.each([
    ["Locke's ponies WERE running", ['lock', 's', 'poni', 'were', 'run']],
    ['£42m, 3.5 km!', ['42m', '3', '5', 'km']],
    ['Zürich cafés opened', ['zürich', 'cafés', 'open']],
    ['北京 news', ['北京', 'new']],
    ['', []],
  ])('splits %j into %j', (text, tokens) => {
    expect(wordTokens(text)).toEqual(tokens);
  });
});

describe('articleWords', () => {
  it('numbers the words of the sentences as wordTokens reads them, in order of first use', () => {
    const sentences = [
      "Locke's ponies WERE running in Zürich, £42m and 3.5 km!",
      'The ponies ran; Locke was running. 北京 news 😀 𝐀bc \ud800x',
      '',
      'were WERE were',
    ];
    for (let round = 0; round < 2; round++) {
      const article = articleWords(sentences);
      const tokens = sentences.map((sentence) => wordTokens(sentence));
      const words = [...new Set(tokens.flat())];

      expect(article.words).toEqual(words);
      expect(article.sentences).toEqual(tokens.map((list) => list.map((word) => words.indexOf(word))));
      expect(article.occurrences).toEqual(
        words.map((word) => tokens.flat().filter((t) => t === word).length),
      );
    }
  });
});

describe('wordFeatures', () => {
  it('describes each word type by how often and how early the article uses it', () => {
    const features = wordFeatures([
      ['mayor', 'open', 'bridg'],
      ['the', 'bridg', 'cost', '42'],
      ['bridg', 'open'],
      ['mayor'],
    ]);

    expect(features.get('bridg')).toEqual([Math.log1p(3), 0, 1, 3, 0, 0, Math.log(5), 3 / 4]);
    expect(features.get('42')).toEqual([Math.log1p(1), Math.log1p(1), 0, 1, 0, 1, Math.log(2), 1 / 4]);
    expect(features.get('the')?.[4]).toBe(1);
    expect(features.get('mayor')?.[3]).toBe(1);
    expect(features.size).toBe(6);
  });
});

describe('wordProbabilities', () => {
  it('gives every word a probability, higher for a word the lead repeats than for one used once late, and 0 to a word the article does not use', () => {
    const tokens = [
      ['mayor', 'open', 'bridg', 'river'],
      ['bridg', 'cost', 'million'],
      ['mayor', 'said', 'bridg', 'river'],
      ['weather', 'warm'],
      ['shop', 'open', 'late'],
    ];

    const probabilityOf = wordProbabilities(tokens);

    for (const token of new Set(tokens.flat())) {
      expect(probabilityOf(token)).toBeGreaterThan(0);
      expect(probabilityOf(token)).toBeLessThan(1);
    }
    expect(probabilityOf('bridg')).toBeGreaterThan(probabilityOf('weather'));
    expect(probabilityOf('unused')).toBe(0);
  });
});

describe('checkedSummaryModel', () => {
  it('accepts the committed model, which was trained on the current features', () => {
    expect(checkedSummaryModel(SUMMARY_MODEL).features).toEqual([...WORD_FEATURES]);
  });

  it('refuses a model trained on other features', () => {
    expect(() => checkedSummaryModel({ ...SUMMARY_MODEL, features: ['log(1 + occurrences)'] })).toThrow(
      /train:summary/,
    );
    expect(() => checkedSummaryModel({ ...SUMMARY_MODEL, weights: [1, 2] })).toThrow(/train:summary/);
  });
});
