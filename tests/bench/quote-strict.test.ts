import { describe, expect, it } from 'vitest';
import type { Entity, QuoteFact, Span } from '#shared/result.ts';
import type { GoldQuote } from '../../bench/quote-score.ts';
import { scoreArticle } from '../../bench/quote-score.ts';

const TEXT =
  'Harlow spokesman Dev Patel said the plan was “a good start.” ' +
  'Harlow’s campaign called the ruling “a disgrace to the court.” ' +
  'A senior aide on the committee said the vote was “never in doubt.” ' +
  'The Oregon senator said she would “fight this to the end.”';

function span(words: string, from = 0): Span {
  const start = TEXT.indexOf(words, from);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  return { start, end: start + words.length };
}

function entity(name: string, type: Entity['type'], ...written: string[]): Entity {
  return { name, type, mentions: written.map((words) => span(words)) };
}

const ENTITIES = [entity('Mara Harlow', 'person', 'Harlow'), entity('Dev Patel', 'person', 'Dev Patel')];

function gold(quoted: string, speaker: string): GoldQuote {
  const quote = span(quoted);
  const who = span(speaker);
  return {
    ...quote,
    text: quoted,
    speaker,
    speaker_start: who.start,
    speaker_end: who.end,
    speaker_pronoun: false,
  };
}

function predicted(quoted: string, speaker: string | undefined, mention: string, resolved = true): QuoteFact {
  return {
    ...span(quoted),
    text: quoted,
    ...(speaker === undefined ? {} : { speaker, speakerMention: span(mention) }),
    ...(resolved ? { speakerType: 'person' as const } : {}),
  };
}

function score(goldQuote: GoldQuote, quote: QuoteFact) {
  const result = scoreArticle(TEXT, [goldQuote], TEXT, [quote], ENTITIES);
  return { loose: result.counts.speakerRight, strict: result.counts.speakerStrict };
}

describe('the strict speaker test', () => {
  it('counts a name that only modifies the speaker wrong, where the overlap test counts it right', () => {
    const quote = gold('a good start.', 'Harlow spokesman Dev Patel');

    expect(score(quote, predicted('a good start.', 'Mara Harlow', 'Harlow'))).toEqual({
      loose: 1,
      strict: 0,
    });
    expect(score(quote, predicted('a good start.', 'Dev Patel', 'Dev Patel'))).toEqual({
      loose: 1,
      strict: 1,
    });
  });

  it('counts a person for her campaign wrong, where a shared surname counts it right', () => {
    const quote = gold('a disgrace to the court.', 'Harlow’s campaign');
    const mention = 'Harlow’s campaign';

    expect(score(quote, predicted('a disgrace to the court.', 'Mara Harlow', 'Harlow', true))).toEqual({
      loose: 1,
      strict: 0,
    });
    expect(score(quote, predicted('a disgrace to the court.', mention, mention, false))).toEqual({
      loose: 1,
      strict: 1,
    });
  });

  it('takes a description by its span, bar a modifier after it', () => {
    const quote = gold('never in doubt.', 'A senior aide on the committee');

    expect(score(quote, predicted('never in doubt.', 'A senior aide', 'A senior aide', false))).toEqual({
      loose: 1,
      strict: 1,
    });
    expect(score(quote, predicted('never in doubt.', 'aide', 'aide', false))).toEqual({
      loose: 1,
      strict: 0,
    });
  });

  it('trusts a description resolved to an entity, and not one left as written', () => {
    const quote = gold('fight this to the end.', 'The Oregon senator');

    expect(score(quote, predicted('fight this to the end.', 'Mara Harlow', 'Oregon senator'))).toEqual({
      loose: 1,
      strict: 1,
    });
    expect(
      score(quote, predicted('fight this to the end.', 'Oregon senator', 'Oregon senator', false)),
    ).toEqual({ loose: 1, strict: 0 });
  });
});
