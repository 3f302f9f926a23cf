import { describe, expect, it } from 'vitest';
import {
  startsLowercase,
  startsUppercase,
  startsWithLetter,
  startsWithNumber,
} from '#shared/summarise/first-letter.ts';

/** The regular expressions the tests stand for: the fast paths must answer exactly as they do. */
const REFERENCES = [
  [startsWithLetter, /^\p{L}/u],
  [startsUppercase, /^\p{Lu}/u],
  [startsLowercase, /^\p{Ll}/u],
  [startsWithNumber, /^\p{N}/u],
] as const;

const TOKENS = [
  '',
  'apple',
  'Apple',
  'a',
  'Z',
  '9lives',
  '_x',
  "'s",
  '-',
  ' ',
  '\u00e9t\u00e9',
  '\u00c9cole',
  '\u0394\u03b5\u03bb\u03c6\u03bf\u03af',
  '\u03b4',
  '\u0661\u0662',
  '\u00bd',
  '\u6771\u4eac',
  '\u2019tis',
  '\u201cQuote',
  '\ud835\udc00bold',
  '\ud83d\ude00',
];

describe('first-letter tests', () => {
  it.each(REFERENCES.map(([test, pattern]) => [test.name, test, pattern] as const))(
    '%s answers as its regular expression does, for ASCII, other scripts, astral characters and the empty string',
    (_name, test, pattern) => {
      for (const token of TOKENS) expect([token, test(token)]).toEqual([token, pattern.test(token)]);
    },
  );
});
