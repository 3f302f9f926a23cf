import { describe, expect, it } from 'vitest';
import { rougeLsum, scoreSummary, splitReference, tokenize } from '../../bench/rouge.ts';

describe('tokenize', () => {
  it('lowercases, turns non-alphanumerics into spaces and stems only tokens longer than 3 characters', () => {
    expect(tokenize("Locke's ponies WERE running, 3.5 km!")).toEqual([
      'lock',
      's',
      'poni',
      'were',
      'run',
      '3',
      '5',
      'km',
    ]);
  });

  it('keeps short tokens unstemmed when they are 3 characters or fewer', () => {
    expect(tokenize('was has its')).toEqual(['was', 'has', 'its']);
  });
});

describe('scoreSummary', () => {
  it('computes ROUGE-1 and ROUGE-2 precision, recall and F1 when the candidate is a prefix of the reference', () => {
    const scores = scoreSummary(['the cat sat on the mat'], ['the cat sat']);

    expect(scores.rouge1.precision).toBeCloseTo(1);
    expect(scores.rouge1.recall).toBeCloseTo(3 / 6);
    expect(scores.rouge1.f1).toBeCloseTo(2 / 3);
    expect(scores.rouge2.precision).toBeCloseTo(1);
    expect(scores.rouge2.recall).toBeCloseTo(2 / 5);
    expect(scores.rouge2.f1).toBeCloseTo((2 * 0.4) / 1.4);
  });

  it('clips repeated candidate n-grams to their count in the reference', () => {
    const scores = scoreSummary(['the cat'], ['the the the']);

    expect(scores.rouge1.precision).toBeCloseTo(1 / 3);
    expect(scores.rouge1.recall).toBeCloseTo(1 / 2);
    expect(scores.rouge1.f1).toBeCloseTo(0.4);
    expect(scores.rouge2.f1).toBe(0);
  });

  it('matches inflected forms through stemming', () => {
    const scores = scoreSummary(['Ponies running'], ['pony runs']);

    expect(scores.rouge1.f1).toBeCloseTo(1);
  });

  it('scores zero when the candidate is empty', () => {
    const scores = scoreSummary(['a reference'], []);

    expect([scores.rouge1.f1, scores.rouge2.f1, scores.rougeLsum.f1]).toEqual([0, 0, 0]);
  });
});

describe('rougeLsum', () => {
  it('counts the union of the LCS hits of a reference sentence with every candidate sentence', () => {
    // Lin (2004): r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5; union LCS = w1 w2 w3 w5.
    const reference = [['w1', 'w2', 'w3', 'w4', 'w5']];
    const candidate = [
      ['w1', 'w2', 'w6', 'w7', 'w8'],
      ['w1', 'w3', 'w8', 'w9', 'w5'],
    ];

    const score = rougeLsum(reference, candidate);

    expect(score.recall).toBeCloseTo(4 / 5);
    expect(score.precision).toBeCloseTo(4 / 10);
    expect(score.f1).toBeCloseTo((2 * 0.8 * 0.4) / 1.2);
  });

  it('uses each candidate token at most once across reference sentences', () => {
    const score = rougeLsum([['aa'], ['aa']], [['aa']]);

    expect(score.precision).toBeCloseTo(1);
    expect(score.recall).toBeCloseTo(1 / 2);
  });

  it('breaks LCS ties as the checker does, which decides what later reference sentences can still match', () => {
    // The LCS of "a b" with "b a" is "a" or "b"; the checker takes "b", leaving "a" for the second sentence.
    const score = rougeLsum([['a', 'b'], ['a']], [['b', 'a']]);

    expect(score.precision).toBeCloseTo(1);
    expect(score.recall).toBeCloseTo(2 / 3);
  });

  it('differs from ROUGE-1 when word order differs within a sentence', () => {
    const scores = scoreSummary(['aa bb cc'], ['cc bb aa']);

    expect(scores.rouge1.f1).toBeCloseTo(1);
    expect(scores.rougeLsum.f1).toBeCloseTo(1 / 3);
  });
});

describe('splitReference', () => {
  it('splits tokenised highlights on " . " and drops empty pieces', () => {
    expect(splitReference('Gary won on Friday . He said it was great .')).toEqual([
      'Gary won on Friday',
      'He said it was great .',
    ]);
  });
});
