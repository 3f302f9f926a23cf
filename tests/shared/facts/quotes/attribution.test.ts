import { describe, expect, it } from 'vitest';
import { buildEntities } from '#shared/facts/entities.ts';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { MAX_NESTED_ATTRIBUTIONS } from '#shared/facts/quotes/nested-quotes.ts';
import { taggedMentions } from '../tagged-mentions.ts';

const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Tom Clarke'],
  ['PER', 'Clarke'],
  ['PER', 'Jim Jordan'],
  ['PER', 'Marcia Price'],
  ['PER', 'Scott'],
  ['PER', 'Krystal Correa'],
  ['PER', 'Esther Tapia'],
  ['PER', 'Mike Pence'],
  ['PER', 'Chris Wallace'],
  ['PER', 'Adriana Rodarte'],
  ['PER', 'Rodarte'],
  ['PER', 'Trump'],
  ['PER', 'Hillary Clinton'],
  ['PER', 'Clinton'],
  ['PER', 'Tim Kaine'],
  ['PER', 'Elizabeth Warren'],
  ['PER', 'Ted Cruz'],
  ['PER', 'G.K. Butterfield'],
  ['PER', 'Bruce Springsteen'],
  ['PER', 'Malkia Cyril'],
  ['PER', 'Ellis'],
  ['PER', 'Dana Whitfield'],
  ['PER', 'Omar Haddad'],
  ['PER', 'Lena Ortiz'],
  ['PER', 'Paul Brandt'],
  ['PER', 'Grace Lin'],
  ['ORG', 'EPA'],
  ['ORG', 'Harbor League'],
  ['LOC', 'Denver'],
  ['LOC', 'Beijing'],
  ['ORG', 'The New York Times'],
  ['ORG', 'Center of Media Justice'],
  ['ORG', 'PolitiFact'],
  ['ORG', 'Homeland Security'],
  ['ORG', 'Acme Corp'],
  ['LOC', 'Japan'],
  ['LOC', 'North Korea'],
  ['LOC', 'Russia'],
  ['LOC', 'Pyongyang'],
  ['LOC', 'WASHINGTON'],
];

function quotesOf(text: string) {
  return findQuotes(text, buildEntities(text, taggedMentions(text, SURFACES)));
}

/** [quoted words, speaker, the words of the speaker's mention] for each quote. */
function attributions(text: string) {
  return quotesOf(text).map((quote) => [
    quote.text,
    quote.speaker,
    quote.speakerMention && text.slice(quote.speakerMention.start, quote.speakerMention.end),
  ]);
}

describe('findQuotes: who is speaking', () => {
  it.each([
    ['“It just amazed me how fast it went,” Mr. Clarke recalled.', 'Clarke', 'Clarke'],
    [
      '“They would just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.',
      'Jim Jordan',
      'Jim Jordan',
    ],
    [
      '“This is a big year for us!” Scott’s niece, state Del. Marcia Price (D-Newport News), shouted to the crowd.',
      'Marcia Price',
      'Marcia Price',
    ],
    [
      '“This narrative is everywhere,” Malkia Cyril, the executive director at the Center of Media Justice, told reporters.',
      'Malkia Cyril',
      'Malkia Cyril',
    ],
    ['Said Ellis: “I don’t get the sense she’s interested in it.”', 'Ellis', 'Ellis'],
    ['“Donald Trump scares me and my family.” ― Krystal Correa', 'Krystal Correa', 'Krystal Correa'],
    ['Clinton is describing as “unhinged” a tweet sent overnight.', 'Clinton', 'Clinton'],
    [
      'Applicants need a “lawful source of investment income,” as a Homeland Security memo put it.',
      'Homeland Security',
      'Homeland Security',
    ],
    ['PolitiFact rated 32% of Republican claims as “false” last year.', 'PolitiFact', 'PolitiFact'],
    ['Japan branded North Korea an “outlaw nation in the neighborhood.”', 'Japan', 'Japan'],
    [
      '“The rule is an overreach,” Dana Whitfield, the attorney general, one of the states suing the EPA, said on Friday.',
      'Dana Whitfield',
      'Dana Whitfield',
    ],
    ['“They never called us back,” said 9/11 widow Lena Ortiz.', 'Lena Ortiz', 'Lena Ortiz'],
    [
      'Omar Haddad, the head of the Harbor League, forcefully told the board that “the port cannot wait.”',
      'Omar Haddad',
      'Omar Haddad',
    ],
    [
      'Reporters checked Paul Brandt’s claim that there were “hundreds of new jobs” in Denver.',
      'Paul Brandt',
      'Paul Brandt',
    ],
    [
      'Grace Lin, an aide to the mayor, called Paul Brandt’s remarks on Saturday “a true wake-up call.”',
      'Grace Lin',
      'Grace Lin',
    ],
    ['His family has called on police to release the video “without any delay.”', 'His family', 'His family'],
    [
      'Paul Brandt aide Omar Haddad said Friday that “the port will reopen next week.”',
      'Omar Haddad',
      'Omar Haddad',
    ],
    [
      'The piece used one of her remarks as its headline: “Finally, someone who thinks like me.”',
      'The piece',
      'The piece',
    ],
  ])('reads %j', (text, speaker, mention) => {
    const [quote] = quotesOf(text);

    expect(quote?.speaker).toBe(speaker);
    expect(text.slice(quote?.speakerMention?.start, quote?.speakerMention?.end)).toBe(mention);
  });

  it('reads dash attributions one after another on a line', () => {
    const text =
      '“Trump scares me and my family.” ― Krystal Correa “He can’t even answer a question.” ― Esther Tapia';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Krystal Correa', 'Esther Tapia']);
  });

  it('takes the speaker from a transcript label and leaves the label out of the quote', () => {
    const text =
      'Mike Pence spoke to Chris Wallace.\n\n"WALLACE: Will she be there tomorrow night?"\n\n"PENCE: Well, look, this is serious business."';

    expect(attributions(text)).toEqual([
      ['Will she be there tomorrow night?', 'Chris Wallace', 'WALLACE'],
      ['Well, look, this is serious business.', 'Mike Pence', 'PENCE'],
    ]);
  });

  it('gives a quote inside a quote to the outer speaker', () => {
    const text = '“I’d rather live in what he calls “hell” than live with him,” Rodarte said.';

    expect(attributions(text)).toEqual([
      ['I’d rather live in what he calls “hell” than live with him', 'Rodarte', 'Rodarte'],
      ['hell', 'Rodarte', 'Rodarte'],
    ]);
  });

  it('gives a quote inside a quote to the speaker the outer quote names for it', () => {
    const text =
      '\'Omar Haddad came home late. Haddad then told our mother, "If you wait up again, I will move out." ' +
      "She laughed,' Dana Whitfield said.";

    expect(attributions(text)).toEqual([
      [
        'Omar Haddad came home late. Haddad then told our mother, "If you wait up again, I will move out." She laughed',
        'Dana Whitfield',
        'Dana Whitfield',
      ],
      ['If you wait up again, I will move out.', 'Omar Haddad', 'Haddad'],
    ]);
  });

  it('gives nested quotes past the cap the outer speaker, so an article of thousands stays linear', () => {
    const paragraph =
      '\'Omar Haddad came home late. Haddad then told our mother, "If you wait up again, I will move out." She laughed,\' Dana Whitfield said.';
    const text = Array.from({ length: MAX_NESTED_ATTRIBUTIONS + 2 }, () => paragraph).join('\n\n');

    const inner = attributions(text).filter(
      ([quoted]) => quoted === 'If you wait up again, I will move out.',
    );

    expect(inner).toHaveLength(MAX_NESTED_ATTRIBUTIONS + 2);
    expect(inner.slice(0, MAX_NESTED_ATTRIBUTIONS).every(([, speaker]) => speaker === 'Omar Haddad')).toBe(
      true,
    );
    expect(inner.slice(MAX_NESTED_ATTRIBUTIONS).map(([, speaker]) => speaker)).toEqual([
      'Dana Whitfield',
      'Dana Whitfield',
    ]);
  });

  it('does not read the words after the outer quote as the inner quote’s attribution', () => {
    const text = '\'We lived by the motto "never sell the view,"\' Dana Whitfield said.';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
  });

  it('does not read the next sentence as the attribution of a quote that closed its own', () => {
    const text =
      'Japan branded North Korea an “outlaw nation.” Russia insisted that Pyongyang “stop its escapades.”';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Japan', 'Russia']);
  });

  it('does not take a noun that looks like a verb for one', () => {
    const text =
      '“Mitt Romney was prepared,” Clinton said. “He was a worthy foe.” Editor’s note: Trump regularly incites violence.';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Clinton', 'Clinton']);
  });
});

describe('findQuotes: descriptions, pronouns and places', () => {
  it('resolves "the newspaper" to the outlet the article named, keeping the mention', () => {
    const text =
      'The New York Times reported the story first. “The deal was never signed,” the newspaper said.';

    expect(attributions(text)).toEqual([
      ['The deal was never signed', 'The New York Times', 'the newspaper'],
    ]);
  });

  it('resolves "a spokeswoman for the company" to the company named in the paragraph', () => {
    const text =
      'Acme Corp declined to comment. “We do not discuss rumors,” a spokeswoman for the company said.';

    expect(attributions(text)).toEqual([
      ['We do not discuss rumors', 'Acme Corp', 'a spokeswoman for the company'],
    ]);
  });

  it('resolves "the senator" to the one person called senator, by title', () => {
    const text =
      'Sen. Elizabeth Warren has long opposed the deal. “The numbers do not add up,” the senator said.';

    expect(attributions(text)).toEqual([['The numbers do not add up', 'Elizabeth Warren', 'the senator']]);
  });

  it('resolves "the senator" only while one senator has been named', () => {
    const text =
      'Sen. Elizabeth Warren has long opposed the deal. “The numbers do not add up,” the senator said. ' +
      'Sen. Ted Cruz has backed it. “The deal is sound and fair,” the senator said.';

    expect(attributions(text)).toEqual([
      ['The numbers do not add up', 'Elizabeth Warren', 'the senator'],
      ['The deal is sound and fair', 'the senator', 'the senator'],
    ]);
  });

  it('keeps a description that names no one, as written', () => {
    const text = 'Critics say the plan “goes too far and costs too much.”';

    expect(attributions(text)).toEqual([['goes too far and costs too much.', 'Critics', 'Critics']]);
  });

  it('resolves "she" to the woman the article writes as "she", not to the man named last', () => {
    const text =
      'Hillary Clinton said she was ready. She took questions from Tim Kaine. “We will win this,” she said.';

    expect(attributions(text)).toEqual([['We will win this', 'Hillary Clinton', 'she']]);
  });

  it('resolves "he" to the person who opens its own sentence, not to a man named further back', () => {
    const text =
      'Omar Haddad said the port was closed. Paul Brandt, the mayor, toured Denver and said he thought the delay was a “very big mistake.”';

    expect(attributions(text)).toEqual([['very big mistake.', 'Paul Brandt', 'he']]);
  });

  it('gives a document the quotes it "reads", and the quote that continues it', () => {
    const text =
      'Parents wrote to the board. “We see schools that give our children hope,” the letter reads. “Our support is not abstract.”';

    expect(attributions(text)).toEqual([
      ['We see schools that give our children hope', 'the letter', 'the letter'],
      ['Our support is not abstract.', 'the letter', 'the letter'],
    ]);
  });

  it('types a capital speaking for its government as an organisation, keeping its name', () => {
    const [quote] = quotesOf('Beijing made it clear that “relations are at their lowest level in years.”');

    expect(quote).toMatchObject({ speaker: 'Beijing', speakerType: 'organization', verb: 'made it clear' });
  });

  it('reads a name with dotted initials as one name', () => {
    const text = '“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.';

    expect(attributions(text)).toEqual([
      ['This is a disgusting day', 'G.K. Butterfield', 'G.K. Butterfield'],
    ]);
  });

  it('takes the agent of a passive reporting verb', () => {
    const text = 'The plan was described by Bruce Springsteen as “a disaster for all of us.”';

    expect(attributions(text)).toEqual([
      ['a disaster for all of us.', 'Bruce Springsteen', 'Bruce Springsteen'],
    ]);
  });

  it('takes a document that "read" a quote, and a share of voters polled', () => {
    const text =
      '“The comeback of the decade is complete,” the article read. Only 52 percent of registered voters agreed that she is “fit to serve.”';

    expect(attributions(text)).toEqual([
      ['The comeback of the decade is complete', 'the article', 'the article'],
      ['fit to serve.', 'Only 52 percent of registered voters', 'Only 52 percent of registered voters'],
    ]);
  });

  it('never takes a dateline for the speaker', () => {
    const text = 'WASHINGTON — “We will rebuild the bridge,” the mayor said on Monday.';

    expect(attributions(text)).toEqual([['We will rebuild the bridge', 'the mayor', 'the mayor']]);
  });
});

describe('findQuotes: across sentences and paragraphs', () => {
  it('carries the speaker to a quote that continues after "he said."', () => {
    const text = '“We will fight this,” Clarke said.\n\n“And we will win in court.”';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Clarke', 'Clarke']);
  });

  it('gives a quote the speaker introduced at the end of the paragraph before', () => {
    const text = 'Pressed on the point, Mike Pence said:\n\n“Well, look, this is serious business for us.”';

    expect(attributions(text)).toEqual([
      ['Well, look, this is serious business for us.', 'Mike Pence', 'Mike Pence'],
    ]);
  });

  it('gives a quote the speaker of the sentence before it', () => {
    const text = 'Mr. Clarke said he would stay on. “There is a lot of work to do here.”';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Clarke']);
  });

  it('does not carry a speaker into a paragraph that says something else first', () => {
    const text =
      '“We will fight this,” Clarke said.\n\nThe vote is next week. “Nobody knows what happens then.”';

    expect(attributions(text).map(([, speaker]) => speaker)).toEqual(['Clarke', undefined]);
  });
});

describe('findQuotes: what is not a quotation', () => {
  it.each([
    ['a title after a preposition or possessive', 'Pence said on CNN’s “State of the Union” that he agreed.'],
    ['a nickname inside a name', 'State Del. Marcia “Cia” Price said nothing more that day.'],
    ['a scare quote without a reporting verb', 'Relations are at a “low point” now.'],
  ])('leaves out %s', (_name, text) => {
    expect(quotesOf(text).map((quote) => quote.text)).not.toContain('State of the Union');
    expect(quotesOf(text).filter((quote) => quote.text.split(' ').length < 3)).toEqual([]);
  });

  it('keeps a short quote that a reporting verb attributes', () => {
    expect(attributions('Trump called the senator a “nasty guy.”')).toEqual([
      ['nasty guy.', 'Trump', 'Trump'],
    ]);
  });

  it('keeps a short attributed quote whose speaker is a pronoun it cannot resolve, without a speaker', () => {
    const [quote] = quotesOf('They call them “lone wolves” and move on.');

    expect(quote).toMatchObject({ text: 'lone wolves', verb: 'call' });
    expect(quote?.speaker).toBeUndefined();
  });
});
