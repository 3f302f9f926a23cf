import { describe, expect, it } from 'vitest';
import {
  MAX_SENTENCE_TOKENS,
  tokenize,
  tokenizeSentences,
  tokenizeWithPattern,
} from '#shared/facts/ner/tokenize.ts';
import { SEED_TEXT } from '#tests/helpers/seed.ts';

const texts = (input: string) => tokenize(input).map((token) => token.text);

describe('tokenize', () => {
  it.each([
    ['splits a straight possessive', "Blinken's visit", ['Blinken', "'s", 'visit']],
    ['splits a curly possessive', 'China’s top diplomat', ['China', '’s', 'top', 'diplomat']],
    ['splits negations as CoNLL does', "didn't go", ['did', "n't", 'go']],
    ['keeps an apostrophe inside a name', "O'Neill said", ["O'Neill", 'said']],
    ['splits straight quotes and punctuation', 'said "yes," then', ['said', '"', 'yes', ',', '"', 'then']],
    ['splits curly quotes', '“coincides” with', ['“', 'coincides', '”', 'with']],
    [
      'keeps single curly quotes apart',
      'the ‘China threat theory’,',
      ['the', '‘', 'China', 'threat', 'theory', '’', ','],
    ],
    ['splits long dashes', 'Beijing – US', ['Beijing', '–', 'US']],
    ['keeps a double hyphen as one dash', 'win -- or', ['win', '--', 'or']],
    ['keeps hyphenated words whole', 'a two-day China-US visit', ['a', 'two-day', 'China-US', 'visit']],
    [
      'keeps numbers with separators whole',
      '1,000 and 3.5 on 1996-08-30',
      ['1,000', 'and', '3.5', 'on', '1996-08-30'],
    ],
    ['keeps initialisms whole', 'the U.S. and U.N. said', ['the', 'U.S.', 'and', 'U.N.', 'said']],
    [
      'keeps the period of a known abbreviation',
      'Mr. Smith of Acme Inc. spoke',
      ['Mr.', 'Smith', 'of', 'Acme', 'Inc.', 'spoke'],
    ],
    ['keeps the period of an initial', 'George W. Bush', ['George', 'W.', 'Bush']],
    ['splits a sentence-final period', 'in Vienna.', ['in', 'Vienna', '.']],
    ['splits an ellipsis', 'wait… what', ['wait', '…', 'what']],
    [
      'keeps a URL whole without its final period',
      'see https://example.com/a-b.',
      ['see', 'https://example.com/a-b', '.'],
    ],
  ])('%s', (_, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('gives offsets whose slices are the token texts when the text has curly quotes and dashes', () => {
    // Arrange
    const input = 'Beijing – Blinken’s visit “coincides” with U.S. talks, Mr. Xi said…\n\nNext line.';
    // Act
    const tokens = tokenize(input);
    // Assert
    for (const token of tokens) expect(input.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((token) => token.start)).toEqual(
      [...tokens.map((token) => token.start)].sort((a, b) => a - b),
    );
  });
});

describe('tokenizeSentences', () => {
  it.each([
    [
      'breaks after a period',
      'He left. She stayed.',
      [
        ['He', 'left', '.'],
        ['She', 'stayed', '.'],
      ],
    ],
    [
      'breaks at a line break',
      'LONDON 1996-08-30\nRain fell',
      [
        ['LONDON', '1996-08-30'],
        ['Rain', 'fell'],
      ],
    ],
    [
      'keeps a closing quote with its sentence',
      'It said “no.” Then it left.',
      [
        ['It', 'said', '“', 'no', '.', '”'],
        ['Then', 'it', 'left', '.'],
      ],
    ],
    [
      'breaks after ! and ? and an ellipsis, and not after a comma',
      'Stop! Why? Well… Then... Fine, go.',
      [
        ['Stop', '!'],
        ['Why', '?'],
        ['Well', '…'],
        ['Then', '...'],
        ['Fine', ',', 'go', '.'],
      ],
    ],
    [
      'does not break after an abbreviation',
      'Mr. Xi met Dr. Wang.',
      [['Mr.', 'Xi', 'met', 'Dr.', 'Wang', '.']],
    ],
  ])('%s', (_, input, expected) => {
    expect(tokenizeSentences(input).map((sentence) => sentence.map((token) => token.text))).toEqual(expected);
  });
});

describe('tokenizeSentences on text without sentence ends', () => {
  it('cuts a run of words into sentences of at most MAX_SENTENCE_TOKENS tokens', () => {
    const text = 'word '.repeat(MAX_SENTENCE_TOKENS * 3 + 1);

    const sentences = tokenizeSentences(text);

    expect(sentences.map((sentence) => sentence.length)).toEqual([
      MAX_SENTENCE_TOKENS,
      MAX_SENTENCE_TOKENS,
      MAX_SENTENCE_TOKENS,
      1,
    ]);
  });
});

describe('tokenize without the pattern for plain ASCII', () => {
  /** Pieces where the pattern's alternatives meet: URLs, initialisms, numbers, joiners, dashes, non-ASCII. */
  const PIECES = [
    'a',
    'Z',
    'x',
    '7',
    '0',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\u2003',
    '.',
    '..',
    '-',
    '--',
    "'",
    '’',
    '&',
    ',',
    '"',
    '“',
    '(',
    ')',
    '/',
    ':',
    'é',
    'É',
    'ß',
    '\u0301',
    '٣',
    '—',
    '–',
    '…',
    'http://',
    'https://',
    'www.',
    'U.S.',
    'Mr',
    'Mr.',
    'St.',
    "n't",
    "'s",
    '’s',
    'e.g.',
    '3.5',
    '1,000',
    '10-year',
    'R&D',
    'ab-',
    '-cd',
    '\u0000',
    '\u001f',
    '?',
    '!',
    '$',
    '#',
    '@',
    'A.',
    'b.C',
    'ÀB',
    'Ωmega',
  ];

  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
  }

  it('gives the tokens the pattern gives, on random text where its alternatives meet', () => {
    const next = random(3);
    for (let trial = 0; trial < 3000; trial += 1) {
      // Arrange
      const length = 1 + Math.floor(next() * 12);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '').join('');
      // Act, Assert
      expect(tokenize(text), JSON.stringify(text)).toEqual(tokenizeWithPattern(text));
    }
  });

  it('gives the tokens the pattern gives on the seed article', () => {
    expect(tokenize(SEED_TEXT)).toEqual(tokenizeWithPattern(SEED_TEXT));
  });
});
