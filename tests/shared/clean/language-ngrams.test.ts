import { readFileSync } from 'node:fs';
import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NGRAMS_FILE } from '#shared/clean/detect-language.ts';
import { createEld } from '#shared/clean/eld-detector.js';
import { openNgramTable, readNgramTable } from '#shared/clean/language-ngrams.ts';
import { createNgramDetector } from '#shared/clean/ngram-detector.ts';
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

  it('refuses a file that is not a table', () => {
    expect(() => readNgramTable(new URL(import.meta.url))).toThrow(/not an n-gram table/);
  });
});
