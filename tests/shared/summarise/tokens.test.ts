import { describe, expect, it } from 'vitest';
import { modelTokens, phraseTokens } from '#shared/summarise/tokens.ts';

/** The regular expressions the tokenisers stand for: they must give exactly the same matches. */
const MODEL_TOKEN = /[\p{L}\p{N}]+/gu;
const PHRASE_TOKEN = /[\p{L}][\p{L}\p{N}'\u2019-]*|[^\s\p{L}]+/gu;

const TEXTS = [
  '',
  ' ',
  "Locke's ponies WERE running, the U.S.-led well-known don\u2019t",
  '\u00a342m, 3.5 km! 3rd-place (AP) \u2014 \u201cWe won,\u201d he said.',
  'Z\u00fcrich caf\u00e9s opened \u0130stanbul \u00c9cole \u0394\u03b5\u03bb\u03c6\u03bf\u03af',
  '\u5317\u4eac news \u3010AFP\u3011 \u65b0\u534e\u793e\u5317\u4eac11\u670817\u65e5\u7535',
  'tabs\tand\nnew\u00a0lines\u2003em\u3000ideographic\ufeffbom\u2028sep',
  'astral \ud835\udc00\ud835\udc01 math letters, \ud83d\ude00 emoji, \ud801\udc00 Deseret, \ud800 lone, \udc00 low',
  'digits \u0663\u0664 Arabic-Indic, \u00bd half, \u2163 roman, \u00b2 superscript',
  "'s ' \u2019 -dash- --- x'y a\u2019b-c 9'",
  'combining e\u0301 and \u0915\u094d\u0937 Devanagari \u0e20\u0e32\u0e29\u0e32 Thai',
];

/** Random strings over a mix of ASCII, Latin-1, punctuation, spaces, CJK, combining marks and astral characters. */
function randomTexts(count: number): string[] {
  const pool = [
    ...'abcXYZ019 \t\n.,;:!?\'"-()[]_/&%$',
    '\u2019',
    '\u2018',
    '\u201c',
    '\u00e9',
    '\u00c9',
    '\u00df',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\u0301',
    '\u0663',
    '\u00bd',
    '\u4e2d',
    '\u30ab',
    '\u2014',
    '\ud835\udc00',
    '\ud83d\ude00',
    '\ud800',
    '\udc00',
    '\u0130',
  ];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]).join(
      '',
    ),
  );
}

describe('modelTokens and phraseTokens', () => {
  it.each(TEXTS)('tokenise %j exactly as the regular expressions do', (text) => {
    expect(modelTokens(text)).toEqual(text.match(MODEL_TOKEN) ?? []);
    expect(modelTokens(text.toLowerCase())).toEqual(text.toLowerCase().match(MODEL_TOKEN) ?? []);
    expect(phraseTokens(text)).toEqual(text.match(PHRASE_TOKEN) ?? []);
  });

  it('agree with the regular expressions on 5,000 random strings', () => {
    for (const text of randomTexts(5000)) {
      expect(modelTokens(text)).toEqual(text.match(MODEL_TOKEN) ?? []);
      expect(phraseTokens(text)).toEqual(text.match(PHRASE_TOKEN) ?? []);
    }
  });

  it('give the words of a sentence', () => {
    expect(modelTokens("locke's 3.5km")).toEqual(['locke', 's', '3', '5km']);
    expect(phraseTokens("Locke's 3rd (AP)")).toEqual(["Locke's", '3', 'rd', '(', 'AP', ')']);
  });
});
