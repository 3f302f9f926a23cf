import { describe, expect, it } from 'vitest';
import type { Sentence } from '#shared/sentences/split-sentences.ts';
import { assessSentences, countWords, rejectionOf, scanQuotes } from '#shared/summarise/candidates.ts';

const sentence = (text: string): Sentence => ({ text, start: 0, end: text.length });
const LONG = `The council approved ${'a new and rather long list of local road repairs, '.repeat(8)}on Tuesday.`;

describe('rejectionOf', () => {
  it.each([
    ['Scroll down for video The mayor opened the new bridge on Monday.', 'caption'],
    ['The mayor opened the new bridge on Monday (Photo: City Hall).', 'caption'],
    ['The mayor opens the bridge in front of a crowd Getty Images', 'caption'],
    ['Pictured: the mayor cuts the ribbon at the new bridge.', 'caption'],
    ['Click here to read more about the new bridge and its cost.', 'caption'],
    ['Will the new bridge really ease traffic in the town centre?', 'question'],
    ['and then the council voted to approve the new bridge plan.', 'fragment'],
    ['THE BRIDGE THAT CHANGED EVERYTHING IN OUR TOWN', 'fragment'],
    ['The bridge opened.', 'too-short'],
    [LONG, 'too-long'],
    [
      '\u2018We are delighted with the bridge and so are the people of this town,\u2019 he said.',
      'quote-fragment',
    ],
    ['"It is a great day for all of us who live in the town."', 'quote-fragment'],
    ['Watch what the mayor did when asked about the bridge', 'unpunctuated'],
    ['On May 23, 2014 at 1:30 PM', 'unpunctuated'],
    ['Submitted on Mon, 2019-01-21 13:49', 'unpunctuated'],
    ['He said:', 'unpunctuated'],
    ['(369 Harbour Road, Portsville; 212-524-3366)', 'fragment'],
    [
      'Police take up positions during a protest outside the station on June 12, 2014 in São Paulo.',
      'caption',
    ],
    ['Reporting by Jane Example; Editing by John Placeholder.', 'caption'],
    ['Written or reviewed by a board-certified bridge engineer.', 'caption'],
    ['Visit the website for a complete list of the road closures.', 'caption'],
    ['SOURCE: Regional Transport Office; Harbour Survey; CITY DATA.', 'caption'],
    ['Artist\u2019s concept of the lander leaving orbit above the red planet.', 'caption'],
  ])('rejects %j as %s', (text, reason) => {
    expect(rejectionOf(sentence(text))).toBe(reason);
  });

  it.each([
    'The mayor opened the new bridge on Monday after three years of work.',
    'The bridge, which cost \u00a34.2 million, links the two halves of the town.',
    'The mayor said the bridge was \u2018a great day\u2019 for everyone in the town.',
    'Top officials from both parties backed the bridge at the vote on Tuesday.',
    'Above all, the new bridge gives the town a second way across the river.',
    '\u5e02\u8bae\u4f1a\u5468\u4e8c\u6279\u51c6\u4e86\u5728\u6cb3\u4e0a\u4fee\u5efa\u4e00\u5ea7\u65b0\u6865\u7684\u8ba1\u5212\u3002',
    'The mayor said the bridge would be open to traffic \u201cby the spring\u201d.',
    'Shares in the company rose on June 12, 2014, after the merger was announced in London.',
    'The new speed limit on the bridge took effect on June 1, 2015.',
    'Visitors to the website can see the bridge plans before the vote.',
    'The plans were reviewed by three engineers before the council vote.',
    '\u092a\u094d\u0930\u0927\u093e\u0928\u092e\u0902\u0924\u094d\u0930\u0940 \u0928\u0947 \u0938\u094b\u092e\u0935\u093e\u0930 \u0915\u094b \u091a\u0940\u0928 \u0915\u0947 \u0930\u093e\u0937\u094d\u091f\u094d\u0930\u092a\u0924\u093f \u0938\u0947 \u092e\u0941\u0932\u093e\u0915\u093e\u0924 \u0915\u0940\u0964',
  ])('accepts a plain news sentence: %j', (text) => {
    expect(rejectionOf(sentence(text))).toBeUndefined();
  });
});

describe('scanQuotes', () => {
  it('counts the share of letters inside quotation marks when a quote is embedded', () => {
    const scan = scanQuotes('He called it "great" today');

    expect(scan.share).toBeCloseTo(5 / 20);
    expect(scan.openAtEnd).toBe('none');
  });

  it('ignores apostrophes inside words when looking for single quotes', () => {
    expect(scanQuotes("The club's manager didn't comment").share).toBe(0);
  });

  it.each([
    ["The gun was 'secured properly ' to a truck safe with padlocks and chains.", 15 / 57],
    ["' The clip has been viewed over 1.7 million times on YouTube, police said.", 0],
    ["Carragher said: ' I don't think your whole future should be decided by one game.", 49 / 62],
  ])('reads spaced single quotes of detokenised text as quotation marks: %j', (text, share) => {
    const scan = scanQuotes(text, text.startsWith("'") ? 'single' : 'none');

    expect(scan.share).toBeCloseTo(share);
  });

  it('reports a quotation left open at the end of the sentence', () => {
    expect(scanQuotes('He said: \u2018We will build new homes.').openAtEnd).toBe('single');
  });
});

describe('assessSentences', () => {
  it('treats the sentence after an unclosed quotation as quoted when a quote runs over two sentences', () => {
    const sentences = [
      sentence('The minister said: \u2018We will build half a million new homes.'),
      sentence('Young people deserve a place of their own in this country.\u2019'),
      sentence('The opposition called the plan unrealistic and far too expensive.'),
    ];

    const assessed = assessSentences(sentences);

    expect(assessed.map((item) => item.rejection)).toEqual(['quote-fragment', 'quote-fragment', undefined]);
  });

  it('rejects a sentence that stops or starts inside a curly double quotation', () => {
    const sentences = [
      sentence('The harbour master wrote on the ferry company\u2019s page: \u201cThe crossing is closed.'),
      sentence('The ferries will stay in port until the wind drops this evening.'),
      sentence('Check the timetable before you travel tomorrow morning.\u201d'),
      sentence('The council called the harbour\u2019s "storm-proof\u201d gates a waste of public money.'),
    ];

    const assessed = assessSentences(sentences);

    // The middle sentence is read as quoted (the quotation carries into it), the last as the quotation's tail.
    expect(assessed.map((item) => item.rejection)).toEqual([
      'quote-fragment',
      'quote-fragment',
      'quote-fragment',
      undefined,
    ]);
  });

  it('stops carrying an open quotation past a sentence without quotation marks', () => {
    const sentences = [
      sentence('The players\u2019 union met on Friday to discuss the new contract offer.'),
      sentence('The talks will continue next week in the capital with both sides.'),
      sentence('Officials expect a deal before the start of the new season in August.'),
    ];

    const assessed = assessSentences(sentences);

    expect(assessed[2]?.quoted).toBe(0);
    expect(assessed[2]?.rejection).toBeUndefined();
  });

  it("counts each sentence's words as countWords does, for the summary's word budget", () => {
    const sentences = [
      sentence('Officials expect a deal before the start of the new season in August.'),
      sentence('\u6771\u4eac\u90fd\u306f\u65b0\u3057\u3044\u8a08\u753b\u3092\u767a\u8868\u3057\u305f\u3002'),
    ];

    const assessed = assessSentences(sentences);

    expect(assessed.map((item) => item.words)).toEqual([13, 7]);
  });
});

describe('countWords', () => {
  /** The definition countWords counts without building the matches. */
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu;

  it.each([
    ['The U.S. and well-known groups don\u2019t agree -- yet.'],
    ['--a .b c-- d.e. 2014, 3.5%'],
    ["'quoted' \u2018words\u2019 x'y"],
    ['\u00c9cole \u0394\u03b5\u03bb\u03c6\u03bf\u03af \u0661\u0662 \u00bd'],
    ['\ud835\udc00bc \ud83d\ude00 smile'],
    [''],
  ])('counts the words of %j as the word pattern matches them', (text) => {
    expect(countWords(text)).toBe(text.match(WORD)?.length ?? 0);
  });

  it('counts the words of random strings as the word pattern matches them', () => {
    const alphabet = [
      'a',
      'Z',
      '1',
      ' ',
      "'",
      '\u2019',
      '.',
      '-',
      ',',
      '\u00e9',
      '\u0661',
      '\ud835\udc00',
      '\ud800',
      '\udc00',
      '\n',
    ];
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let sample = 0; sample < 3000; sample++) {
      const text = Array.from(
        { length: Math.floor(random() * 14) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(text.match(WORD)?.length ?? 0);
    }
  });

  it('estimates words in scripts written without spaces as characters / 2', () => {
    expect(
      countWords('\u6771\u4eac\u90fd\u306f\u65b0\u3057\u3044\u8a08\u753b\u3092\u767a\u8868\u3057\u305f'),
    ).toBe(7);
  });
});
