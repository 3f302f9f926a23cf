import { describe, expect, it } from 'vitest';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { defaultSentenceCount, selectSentences } from '#shared/summarise/select-sentences.ts';

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

  it('names as best the single sentence that best stands alone', () => {
    const best = selectSentences(splitSentences(ARTICLE), { sentences: 3 }).best;

    expect(best?.text).toBe(
      'The city council approved a new bridge over the river on Tuesday after a long public debate.',
    );
  });
});

describe('defaultSentenceCount', () => {
  it.each([
    [3, 2],
    [16, 2],
    [24, 3],
    [40, 5],
    [200, 5],
  ])('for an article of %i sentences chooses %i', (sentences, expected) => {
    expect(defaultSentenceCount(sentences)).toBe(expected);
  });
});
