import { describe, expect, it } from 'vitest';
import { historyType, type PredictionHistory, recordHistory } from '#shared/facts/ner/history.ts';
import { TAGS } from '#shared/facts/ner/tags.ts';

const tag = (name: string) => TAGS.indexOf(name);

describe('prediction history', () => {
  it('gives the type most often predicted for a capitalised word earlier in the document', () => {
    // Arrange
    const history: PredictionHistory = new Map();
    // Act
    recordHistory(history, ['antony', 'blinken', undefined], [tag('B-PER'), tag('L-PER'), tag('O')]);
    recordHistory(history, ['blinken', 'beijing'], [tag('U-ORG'), tag('U-LOC')]);
    recordHistory(history, ['blinken'], [tag('U-PER')]);
    // Assert
    expect(historyType(history, 'blinken')).toBe('PER');
    expect(historyType(history, 'beijing')).toBe('LOC');
  });

  it('knows nothing of a word never predicted as an entity or not capitalised', () => {
    const history: PredictionHistory = new Map();
    recordHistory(history, ['monday', undefined], [tag('O'), tag('U-PER')]);
    expect(historyType(history, 'monday')).toBeUndefined();
    expect(historyType(history, undefined)).toBeUndefined();
  });
});
