import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { entitiesOf } from '../tagged-mentions.ts';

/** Sentences written for these tests: attributions a reader sees that had left the quote with no speaker. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Ada Brennock'],
  ['PER', 'Brennock'],
  ['PER', 'Tom Velde'],
  ['PER', 'Velde'],
  ['ORG', 'University of Harwick'],
  ['ORG', 'Harwick Courier'],
  ['ORG', 'Harwick Times'],
];

function speakers(text: string) {
  return findQuotes(text, entitiesOf(text, SURFACES)).map((quote) => [quote.text, quote.speaker ?? null]);
}

describe('findQuotes: speakers a reader sees', () => {
  it('reads "he emails" as a verb after a he or she', () => {
    const text =
      'Tom Velde studies snow. “I was looking for data nobody had mined,” he emails. “This was it.”';

    expect(speakers(text).map(([, speaker]) => speaker)).toEqual(['Tom Velde', 'Tom Velde']);
  });

  it('keeps "emails" a noun after a name', () => {
    const text = 'Tom Velde read the Brennock emails “with growing alarm about the whole affair” last week.';

    expect(speakers(text)).toEqual([['with growing alarm about the whole affair', null]]);
  });

  it('reads a subject with "himself" or "herself" before the verb, a surname the tagger left untagged', () => {
    const text =
      'When Ada Brennock won in 1992, she had more votes than ever. As Brennock herself noted, “That year changed the party.”';
    const quotes = findQuotes(text, entitiesOf(text, [['PER', 'Ada Brennock']]));

    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['That year changed the party.', 'Ada Brennock'],
    ]);
  });

  it('gives a quote to the one quoted, not to the paper that quoted them', () => {
    const text =
      'Tom Velde has spoken of the vote; he was quoted by the Harwick Courier on the result:\n\n' +
      '“We lost because we did not listen to the towns.”';

    expect(speakers(text)).toEqual([['We lost because we did not listen to the towns.', 'Tom Velde']]);
  });

  it('reads a name whose affiliation says its place with commas', () => {
    const text =
      '“The colonies will not recover soon,” Ada Brennock of the University of Harwick in Harwick, New Wales, said to reporters.';

    expect(speakers(text)).toEqual([['The colonies will not recover soon', 'Ada Brennock']]);
  });

  it('keeps a description by a noun of a calling that the lexicon does not list', () => {
    const text =
      'Tom Velde leads the trial. The physicist told the Harwick Courier: “It will work in any weather.”';

    expect(speakers(text)).toEqual([['It will work in any weather.', 'The physicist']]);
  });

  it('reads such a noun only after a determiner', () => {
    const text = 'Tom Velde leads the trial. Ask any physicist about it: “It will work in any weather.”';

    expect(speakers(text)).toEqual([['It will work in any weather.', null]]);
  });

  it('gives a he/she after a sentence that opens with one unnamed person to that person', () => {
    const text =
      'Tom Velde flew the plane. A source close to the inquiry has told the Harwick Courier that the crew was tired.\n\n' +
      '“The crew had been flagged twice,” he said.';

    expect(speakers(text)).toEqual([['The crew had been flagged twice', 'A source']]);
  });

  it('does not when someone is named between', () => {
    const text =
      'Tom Velde flew the plane. A source close to Velde has told the Harwick Courier that the crew was tired.\n\n' +
      '“The crew had been flagged twice,” he said.';

    expect(speakers(text)).toEqual([['The crew had been flagged twice', 'Tom Velde']]);
  });

  it('reads "in the words of" a source, or of the person an appositive names', () => {
    const text =
      'The ferry sank in May and, in the words of the harbour master, Ada Brennock, “Nobody should have sailed that night.”';

    expect(speakers(text)).toEqual([['Nobody should have sailed that night.', 'Ada Brennock']]);
  });

  it('gives a paragraph that is a quotation to the reporting verb and comma that end the paragraph before', () => {
    const text =
      'Tom Velde spoke to the inquiry for an hour. Velde stated,\n\n' +
      '“The crew was picked up in a black car. Nobody told the families.”';

    expect(speakers(text)).toEqual([
      ['The crew was picked up in a black car. Nobody told the families.', 'Tom Velde'],
    ]);
  });

  it('not after a paragraph that ends on a comma with no reporting verb', () => {
    const text =
      'Tom Velde spoke to the inquiry for an hour, and then,\n\n' +
      '“The crew was picked up in a black car. Nobody told the families.”';

    expect(speakers(text)).toEqual([
      ['The crew was picked up in a black car. Nobody told the families.', null],
    ]);
  });

  it('reads a verb no list ranks as speech, then a name that ends the clause', () => {
    const text =
      'If the dam fails, “the cost to the valley could be high,” worries former engineer Tom Velde.';

    expect(speakers(text)).toEqual([['the cost to the valley could be high', 'Tom Velde']]);
  });

  it('reads a verb that characterises speech, then a name', () => {
    const text = '“We will not give up the fight for the harbour,” vowed Ada Brennock on Monday.';

    expect(speakers(text)).toEqual([['We will not give up the fight for the harbour', 'Ada Brennock']]);
  });

  it('reads a he/she and a verb that characterises speech right after the quote', () => {
    const text =
      'Ada Brennock introduced Tom Velde on the radio. “Stay in your homes tonight,” he urged listeners. “The river is rising fast.”';

    expect(speakers(text).map(([, speaker]) => speaker)).toEqual(['Tom Velde', 'Tom Velde']);
  });

  it('not after a quote that does not end on a comma', () => {
    const text =
      'Ada Brennock owns the mill. The four “loopholes in the rules” she cited are all closed now.';

    expect(speakers(text)).toEqual([['loopholes in the rules', null]]);
  });

  it('gives a speech verb after "but" the subject of the verb before', () => {
    const text =
      'Ada Brennock declined to name other bidders but said the offer “is all cash, and for the whole mill.”';

    expect(speakers(text)).toEqual([['is all cash, and for the whole mill.', 'Ada Brennock']]);
  });

  it('reads a he/she that opens the sentence as the whole subject of "went on to add"', () => {
    const text =
      'Ada Brennock thanked the crews. Tom Velde spoke next. He went on to add that “the river will be safe by spring.”';

    expect(speakers(text)).toEqual([['the river will be safe by spring.', 'Tom Velde']]);
  });

  it('does not give a colon the he/she that opens the sentence when an I speaks before it', () => {
    const text =
      'Ada Brennock asked about the storm. She became so upset that I had to change my answer: “Of course it will pass.”';

    expect(speakers(text)).toEqual([['Of course it will pass.', null]]);
  });

  it('keeps "the paper" as written in an article about a research paper, not the outlet named', () => {
    const text =
      'Courtesy of the Harwick Times.\n\nA new research paper published in a journal maps the valley. ' +
      'Tenure covers “a quarter of the land in the whole valley,” the paper states.';

    expect(speakers(text)).toEqual([['a quarter of the land in the whole valley', 'the paper']]);
  });

  it('still reads "the paper" as the outlet the article names otherwise', () => {
    const text =
      'The Harwick Times ran the story. The mill is “a quarter of the whole valley,” the paper reported.';

    expect(speakers(text)).toEqual([['a quarter of the whole valley', 'Harwick Times']]);
  });
});
