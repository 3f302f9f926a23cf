import { describe, expect, it } from 'vitest';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { countWords } from '#shared/summarise/candidates.ts';
import { selectSentences } from '#shared/summarise/select-sentences.ts';
import type { SummaryLength } from '#shared/summarise/summary-length.ts';
import { SUMMARY_MODEL } from '#shared/summarise/word-model.ts';

const ARTICLE = [
  'The city council approved a new bridge over the river on Tuesday after a long public debate.',
  'Scroll down for video The bridge will link the old town with the new railway station.',
  'The bridge will cost \u00a342 million and take three years to build, the council said.',
  'Will the bridge really be finished on time?',
  'The council approved the new bridge over the river on Tuesday after a long public debate.',
  'Local shops on both banks of the river expect more customers once the bridge opens.',
  'Work on the bridge starts in the spring, when the river is low enough for the builders.',
  'Critics said the money should have gone to schools and to the repair of local roads.',
].join(' ');

const select = (text: string, sentences?: number) =>
  selectSentences(splitSentences(text), sentences === undefined ? {} : { sentences }).sentences.map(
    (sentence) => sentence.text,
  );
const selectWithin = (length: SummaryLength) =>
  selectSentences(splitSentences(ARTICLE), length).sentences.map((sentence) => sentence.text);
const wordsIn = (sentences: readonly string[]) =>
  sentences.reduce((sum, sentence) => sum + countWords(sentence), 0);

describe('selectSentences', () => {
  it('returns the requested number of sentences, verbatim and in text order, when given a count', () => {
    const summary = select(ARTICLE, 3);

    expect(summary).toHaveLength(3);
    for (const sentence of summary) expect(ARTICLE).toContain(sentence);
    const positions = summary.map((sentence) => ARTICLE.indexOf(sentence));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('never picks captions or questions when enough other sentences exist', () => {
    const summary = select(ARTICLE, 4);

    expect(summary.some((sentence) => sentence.includes('Scroll down'))).toBe(false);
    expect(summary.some((sentence) => sentence.endsWith('?'))).toBe(false);
  });

  it('does not pick a near-duplicate of a sentence it already chose', () => {
    const summary = select(ARTICLE, 3);

    const duplicates = summary.filter(
      (sentence) => sentence.includes('approved') && sentence.includes('debate'),
    );
    expect(duplicates).toHaveLength(1);
  });

  it('prefers the lead sentence when it carries the story', () => {
    expect(select(ARTICLE, 1)).toEqual([
      'The city council approved a new bridge over the river on Tuesday after a long public debate.',
    ]);
  });

  it('falls back to rejected non-caption sentences when too few sentences pass the filters', () => {
    const text = 'Is the bridge safe? Engineers say the new bridge over the river is safe for traffic.';

    expect(select(text, 2)).toEqual([
      'Is the bridge safe?',
      'Engineers say the new bridge over the river is safe for traffic.',
    ]);
  });

  it('returns no sentences when the text is empty', () => {
    expect(selectSentences([], { sentences: 3 }).sentences).toEqual([]);
  });

  it('names as lede the first candidate that stands on its own', () => {
    const text = [
      'Scroll down for video The mayor cut the ribbon.',
      'He said the new bridge over the river would change the town for ever.',
      'The city council approved a new bridge over the river on Tuesday after a long debate.',
    ].join(' ');

    expect(selectSentences(splitSentences(text), { sentences: 2 }).lede?.text).toBe(
      'The city council approved a new bridge over the river on Tuesday after a long debate.',
    );
  });

  it('takes a sentence that leans on the one before it only together with that one', () => {
    const text = [
      'The city council met on Tuesday evening in the old town hall for the annual budget vote.',
      'It approved a new bridge over the river, the biggest bridge project the city has ever funded.',
      'The bridge over the river will cost the city \u00a342 million and take three years to build.',
      'Traffic on the old bridge has doubled since the new railway station opened last year.',
    ].join(' ');

    for (const sentences of [1, 2, 3]) {
      const summary = select(text, sentences);
      const leans = summary.some((sentence) => sentence.startsWith('It approved'));
      const withReferent = summary.some((sentence) => sentence.startsWith('The city council met'));
      expect(!leans || withReferent).toBe(true);
    }
  });

  it('never takes a sentence of the standfirst, which stands in the text but is not the story', () => {
    const standfirst =
      'The city council approved a new bridge over the river on Tuesday after a long public debate.';

    const selection = selectSentences(splitSentences(ARTICLE), { sentences: 3, standfirst });

    expect(selection.sentences.map((sentence) => sentence.text)).not.toContain(standfirst);
    expect(selection.lede?.text).not.toBe(standfirst);
  });

  it('never takes a sentence of an aside (an embedded post, a footnote), which stands in the text', () => {
    const aside = 'The council approved the new bridge over the river on Tuesday after a long public debate.';
    const other = 'Work on the bridge starts in the spring, when the river is low enough for the builders.';

    const selection = selectSentences(splitSentences(ARTICLE), {
      sentences: 8,
      asides: [`${aside} ${other}`],
    });

    const texts = selection.sentences.map((sentence) => sentence.text);
    expect(texts).not.toContain(aside);
    expect(texts).not.toContain(other);
    expect(texts).toContain(
      'Critics said the money should have gone to schools and to the repair of local roads.',
    );
  });

  it('uses the word model it is given', () => {
    const sentences = splitSentences(ARTICLE);
    const favoursLateWords = {
      ...SUMMARY_MODEL,
      weights: SUMMARY_MODEL.weights.map((weight, index) => (index === 1 ? 5 : index === 0 ? weight : 0)),
    };

    const usual = selectSentences(sentences, { sentences: 1 }).sentences;
    const late = selectSentences(sentences, { sentences: 1 }, favoursLateWords).sentences;

    expect(late).not.toEqual(usual);
  });

  it.each([20, 40, 60, 100])('keeps whole sentences within a budget of %i words', (words) => {
    const summary = selectWithin({ words });

    expect(summary.length).toBeGreaterThan(0);
    expect(wordsIn(summary)).toBeLessThanOrEqual(words);
    for (const sentence of summary) expect(ARTICLE).toContain(sentence);
  });

  it('gives more sentences for a larger word budget', () => {
    expect(selectWithin({ words: 60 }).length).toBeGreaterThan(selectWithin({ words: 20 }).length);
  });

  it('honours both limits when given sentences and words', () => {
    expect(selectWithin({ sentences: 1, words: 200 })).toHaveLength(1);
    expect(wordsIn(selectWithin({ sentences: 5, words: 40 }))).toBeLessThanOrEqual(40);
  });

  it('gives the shortest candidate alone when no sentence fits the budget', () => {
    const summary = selectWithin({ words: 10 });

    expect(summary).toHaveLength(1);
    const lengths = splitSentences(ARTICLE)
      .filter((sentence) => !sentence.text.includes('Scroll') && !sentence.text.endsWith('?'))
      .map((sentence) => countWords(sentence.text));
    expect(wordsIn(summary)).toBe(Math.min(...lengths));
  });
});
