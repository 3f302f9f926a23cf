import { describe, expect, it } from 'vitest';
import type { QuoteFact } from '#shared/result.ts';
import type { ArticleScore, GoldQuote } from '../../bench/quote-score.ts';
import { countSources, sourceCell, speakerSource } from '../../bench/quote-sources.ts';

const TEXT = 'Mayor Ann Reyes spoke. “We will build it,” she said. “Not now,” a city spokesman said.';

function quoteOf(words: string, fact: Partial<QuoteFact>): QuoteFact {
  const start = TEXT.indexOf(words);
  return { start: 0, end: 1, text: 'x', speakerMention: { start, end: start + words.length }, ...fact };
}

function goldOf(speaker: string | null, pronoun: boolean): GoldQuote {
  const start = speaker ? TEXT.indexOf(speaker) : null;
  return {
    start: 0,
    end: 1,
    text: 'x',
    speaker,
    speaker_start: start,
    speaker_end: start === null || speaker === null ? null : start + speaker.length,
    speaker_pronoun: pronoun,
  };
}

describe('speakerSource', () => {
  it('tells a name, a he/she, a description and no speaker apart', () => {
    expect(speakerSource(TEXT, quoteOf('Ann Reyes', { speaker: 'Ann Reyes', speakerType: 'person' }))).toBe(
      'name',
    );
    expect(speakerSource(TEXT, quoteOf('she', { speaker: 'Ann Reyes', speakerType: 'person' }))).toBe(
      'he/she',
    );
    expect(speakerSource(TEXT, quoteOf('a city spokesman', { speaker: 'a city spokesman' }))).toBe(
      'description',
    );
    expect(speakerSource(TEXT, { start: 0, end: 1, text: 'x' })).toBe('none');
  });

  it('counts a description resolved to a named entity as a description', () => {
    const quote = quoteOf('a city spokesman', { speaker: 'Ann Reyes', speakerType: 'person' });

    expect(speakerSource(TEXT, quote)).toBe('description');
  });
});

describe('countSources', () => {
  it('splits the named-speaker pairs by source and tallies he/she gold speakers apart', () => {
    const resolved = quoteOf('she', { speaker: 'Ann Reyes', speakerType: 'person' });
    const score: ArticleScore = {
      counts: { predicted: 3, gold: 3, pairs: 3, speakerScored: 2, speakerRight: 1 },
      pairs: [
        { gold: goldOf('Ann Reyes', false), predicted: resolved, speakerRight: true },
        {
          gold: goldOf('a city spokesman', false),
          predicted: quoteOf('Ann Reyes', { speaker: 'Ann Reyes', speakerType: 'person' }),
          speakerRight: false,
        },
        {
          gold: goldOf('she', true),
          predicted: resolved,
          speakerRight: undefined,
          mention: resolved.speakerMention,
        },
      ],
      missed: [],
      spurious: [],
    };

    const { sources, pronouns } = countSources(TEXT, score);

    expect(sources['he/she']).toEqual([1, 1]);
    expect(sources.name).toEqual([0, 1]);
    expect(pronouns).toEqual({ quotes: 1, samePronoun: 1, resolved: 1 });
  });
});

describe('sourceCell', () => {
  it('prints right of scored with an interval that holds the rate', () => {
    expect(
      sourceCell([
        [1, 2],
        [3, 3],
        [0, 0],
      ]),
    ).toMatch(/^4\/5 0\.800 \(0\.\d{3}-1\.000\)$/u);
    expect(sourceCell([[0, 0]])).toBe('0/0');
  });
});
