import { readFileSync } from 'node:fs';
import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NGRAMS_FILE } from '#shared/clean/detect-language.ts';
import { createEld } from '#shared/clean/eld-detector.js';
import { readNgramTable } from '#shared/clean/language-ngrams.ts';
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

  it('refuses a file that is not a table', () => {
    expect(() => readNgramTable(new URL(import.meta.url))).toThrow(/not an n-gram table/);
  });
});
