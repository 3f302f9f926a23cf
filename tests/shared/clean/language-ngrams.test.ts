import { readFileSync } from 'node:fs';
import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NGRAMS_FILE } from '#shared/clean/detect-language.ts';
import { createEld, separators } from '#shared/clean/eld-detector.js';
import { openNgramTable, readNgramTable } from '#shared/clean/language-ngrams.ts';
import { createNgramDetector, isEldLetter, replaceSeparators } from '#shared/clean/ngram-detector.ts';
import { eldTable, encodeNgramTable } from '../../../scripts/build-language-ngrams.ts';

/** Sentences in some of eld's 60 languages, and text that is no language. */
const SAMPLES = [
  'The council approved the new budget on Tuesday after a long debate about the cost of the harbour wall.',
  'Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten den neuen Haushalt beschlossen.',
  'Le conseil municipal a adopté mardi le nouveau budget après un long débat sur le coût du mur du port.',
  'El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre el coste del muro.',
  'De gemeenteraad heeft dinsdag na een lang debat over de kosten de nieuwe begroting goedgekeurd.',
  'Городской совет во вторник утвердил новый бюджет после долгих споров о стоимости стены гавани.',
  '市议会周二在就港口墙的费用进行长时间辩论后批准了新预算。',
  'مجلس المدينة وافق يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول تكلفة جدار الميناء.',
  'Feyenoord 2 ( Van Gastel 12th , Larsson 50th ) Vitesse Arnhem 0',
  '12 34 56 -- !!',
  '',
];

describe('the language n-gram table as data', () => {
  it('is eld’s medium table, as `npm run build:language-ngrams` writes it', async () => {
    const committed = readFileSync(LANGUAGE_NGRAMS_FILE);

    expect(encodeNgramTable(await eldTable('medium')).equals(committed)).toBe(true);
  }, 60_000);

  it('gives eld the same languages, scores and reliability as its built-in medium table', () => {
    const { instance, loadData } = createEld();
    expect(loadData(readNgramTable(LANGUAGE_NGRAMS_FILE))).toBe('M60');

    for (const sample of SAMPLES) {
      const ours = instance.detect(sample);
      const theirs = eld.detect(sample);
      expect(ours.language, sample).toBe(theirs.language);
      expect(ours.getScores(), sample).toEqual(theirs.getScores());
      expect(ours.isReliable(), sample).toBe(theirs.isReliable());
    }
    expect(instance.detect(SAMPLES[1] as string).language).toBe('de');
  });

  it('gives, scored in place by ngram-detector.ts, what eld gives on the table', () => {
    // Arrange: the samples, longer texts that reach eld's cuts (1,000 characters, 350 and 380 bytes), and
    // text with URLs, digits, apostrophes, astral characters and lone surrogates
    const long = SAMPLES.slice(0, 8).join(' ').repeat(3);
    const texts = [
      ...SAMPLES,
      long,
      long.slice(17),
      SAMPLES.slice(5, 8).join(' ').repeat(4),
      "Don't stop: it's O'Brien’s `quote` at https://example.com/a?b=1 and mail@example.org, 2023 -- 42%",
      'Emoji 😀 and 𝐀𝐁𝐂 letters, a lone \ud800 surrogate, and ＦＵＬＬ width',
      'a b c d',
      'abc',
      'x'.repeat(120),
    ];
    const { instance, loadData } = createEld();
    loadData(readNgramTable(LANGUAGE_NGRAMS_FILE));
    const detector = createNgramDetector(openNgramTable(LANGUAGE_NGRAMS_FILE));
    for (const text of texts) {
      // Act
      const ours = detector.detect(text);
      const theirs = instance.detect(text);
      // Assert
      expect(ours.language, text).toBe(theirs.language);
      expect(ours.getScores(), text).toEqual(theirs.getScores());
      expect(ours.isReliable(), text).toBe(theirs.isReliable());
    }
  });

  it('tells eld’s letters by code as its separators expression does, for every code unit', () => {
    // One character is a separator when it is no letter, but for the apostrophes a separator may not end on.
    const separator = new RegExp(`^(?:${separators.source})$`, 'u');
    const apostrophes = [0x27, 0x60, 0x2019];
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (apostrophes.includes(code)) continue;
      if (isEldLetter(code) === separator.test(String.fromCharCode(code))) differing.push(code);
    }

    expect(differing).toEqual([]);
    expect(apostrophes.filter(isEldLetter)).toEqual([]);
  });

  it('replaces eld’s separators as its expression does', () => {
    // Arrange: fixed texts with runs that end on apostrophes, backticks and right quotes, astral characters
    // and lone surrogates, and random strings over an alphabet of such characters
    const fixed = [
      '',
      "'",
      "don't ' '' `x` ’tis O’Brien’s  -- 'quoted' ... end’",
      "a ' b '' c ' ' d", // runs of spaces and apostrophes
      '😀 𝐀𝐁𝐂 \ud800 x \udc00',
      'ＦＵＬＬ width, ünïcödé, Ελληνικά, 中文。',
      "  leading and trailing '  ",
    ];
    const alphabet = [
      "'",
      '`',
      '\u2019',
      ' ',
      ',',
      '-',
      '1',
      'a',
      'Z',
      'é',
      '中',
      '\ud83d\ude00',
      '\ud800',
      '\udc00',
      '\n',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const generated = Array.from({ length: 3000 }, () =>
      Array.from(
        { length: Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(''),
    );
    for (const text of [...fixed, ...generated]) {
      // Act and assert
      expect(replaceSeparators(text), JSON.stringify(text)).toBe(text.replace(separators, ' '));
    }
  });

  it('refuses a file that is not a table', () => {
    expect(() => readNgramTable(new URL(import.meta.url))).toThrow(/not an n-gram table/);
  });
});
