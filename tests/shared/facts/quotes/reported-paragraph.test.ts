import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

/** Sentences written for these tests: a paragraph that is only a quotation, after one that reports speech. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ann Reyes'],
  ['PER', 'Reyes'],
  ['PER', 'Tom Parkinson'],
];

function speakers(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES))).map((quote) => [
    quote.speaker,
    quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
  ]);
}

describe('findQuotes: a paragraph that is only a quotation', () => {
  it('is the words of the person the paragraph before ends by reporting', () => {
    const text =
      'Mayor Ann Reyes said on Monday that the city would appeal the ruling.\n\n' +
      '“We will fight this in every court in the land.”';

    expect(speakers(text)).toEqual([['Ann Reyes', 'Ann Reyes']]);
  });

  it('is the words of a person reported by a he/she between commas', () => {
    const text =
      'Ann Reyes runs the only clinic in town. Any small clinic, she said, would need more nurses.\n\n' +
      '“It is not enough for one day of patients.”';

    expect(speakers(text)).toEqual([['Ann Reyes', 'she']]);
  });

  it('is no one when that sentence names another person after its verb', () => {
    const text =
      'Ann Reyes said Tom Parkinson had told her the port would close.\n\n“We have no choice at all.”';

    expect(speakers(text)).toEqual([[undefined, undefined]]);
  });

  it('is no one after a question: the answer may be anyone’s', () => {
    const text = 'Ann Reyes asked the council why the port would close.\n\n“Nobody has explained it to us.”';

    expect(speakers(text)).toEqual([[undefined, undefined]]);
  });

  it('is no one when the paragraph goes on after the quotation', () => {
    const text =
      'Ann Reyes said the city would appeal.\n\n“We will fight this in every court.” The council has not replied.';

    expect(speakers(text)).toEqual([[undefined, undefined]]);
  });
});
