import { describe, expect, it } from 'vitest';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import {
  detectLanguage,
  ELD_READS_CHARS,
  hasScriptLanguageLetter,
  LANGUAGE_NGRAMS_FILE,
  languageOfTag,
} from '#shared/clean/detect-language.ts';
import { createEld } from '#shared/clean/eld-detector.js';
import { readNgramTable } from '#shared/clean/language-ngrams.ts';
import { isProseLine, proseSample } from '#shared/clean/prose-sample.ts';
import { processArticle } from '#shared/process-article.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** A wire results story: a headline in capitals, a dateline, one sentence and a table of names and scores. */
const RESULTS_TABLE = [
  'SOCCER - DUTCH FIRST DIVISION RESULTS .',
  'AMSTERDAM 1996-08-24',
  'Results of Dutch first division matches on Saturday :',
  'Feyenoord 2 ( Van Gastel 12th , Larsson 50th ) Vitesse Arnhem 0',
  'Ajax Amsterdam 1 ( Kluivert 33rd ) Roda JC Kerkrade 1 ( Van Houdt 70th )',
  'Borussia Dortmund 3 ( Riedle 8th minute , Heinrich 29th , Tretschok 77th ) Freiburg 1',
  'Standings ( tabulate under played , won , drawn , lost , goals for , against , points ) :',
  'PSV Eindhoven 3 3 0 0 10 2 9',
  'Feyenoord 3 2 1 0 6 2 7',
  'Heerenveen 3 2 0 1 7 5 6',
  'Willem II Tilburg 3 1 1 1 4 4 4',
  'NAC Breda 3 1 0 2 3 5 3',
].join('\n');

const GERMAN =
  'Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten den neuen Haushalt beschlossen. ' +
  'Die Arbeiten an der Hafenmauer sollen im Frühjahr beginnen und zwei Jahre dauern.';

const BURMESE =
  'နိုင်ငံတော်အကြည်ညိုပျက်စေမှု ပုဒ်မ ၅၀၅ (ခ) နဲ့ တရားစွဲထားတဲ့ ဒေါ်ခင်မောင်ဝင်းကို ' +
  'ရုံးက ဒီနေ့ ထောင်ဒဏ် ချမှတ်လိုက်ပါတယ်။ သူ့ရှေ့နေက အယူခံဝင်မယ်လို့ ပြောပါတယ်။';

describe('prose sample', () => {
  it('keeps sentences and leaves out headlines in capitals, datelines, tables and lines of names', () => {
    const sample = proseSample(RESULTS_TABLE);

    expect(sample.split('\n')).toEqual([
      'Results of Dutch first division matches on Saturday :',
      'Standings ( tabulate under played , won , drawn , lost , goals for , against , points ) :',
    ]);
    expect(
      isProseLine('Results of Dutch first division matches on Saturday , the league said on its website .'),
    ).toBe(true);
    expect(isProseLine('Willem II Tilburg 3 1 1 1 4 4 4')).toBe(false);
    expect(isProseLine('Ajax Amsterdam 1 ( Kluivert 33rd ) Roda JC Kerkrade 1 ( Van Houdt 70th )')).toBe(
      false,
    );
  });

  it('keeps a line in a script written without spaces', () => {
    expect(isProseLine(BURMESE)).toBe(true);
  });
});

describe('detectLanguage', () => {
  it('assumes English, with confidence 0, when the text has too little prose to tell', () => {
    expect(detectLanguage(RESULTS_TABLE.split('\n').slice(3).join('\n'))).toEqual({
      language: 'en',
      confidence: 0,
      source: 'assumed',
    });
    expect(detectLanguage('Ajax 1 PSV 2')).toEqual({ language: 'en', confidence: 0, source: 'assumed' });
  });

  it('detects the language of the prose, with the lead over the runner-up as confidence', () => {
    const german = detectLanguage(GERMAN);

    expect(german.language).toBe('de');
    expect(german.source).toBe('detected');
    expect(german.confidence).toBeGreaterThan(0.05);
    expect(german.confidence).toBeLessThanOrEqual(1);
  });

  it('names a script that only one language writes, which the n-gram detector does not know', () => {
    expect(detectLanguage(BURMESE)).toEqual({ language: 'my', confidence: 1, source: 'detected' });
  });

  it('lets a declared language win over detection', () => {
    expect(detectLanguage(GERMAN, 'en-GB')).toEqual({ language: 'en', confidence: 1, source: 'declared' });
    expect(detectLanguage(RESULTS_TABLE, 'nl')).toEqual({
      language: 'nl',
      confidence: 1,
      source: 'declared',
    });
  });

  it('reads language tags and ignores what is not one', () => {
    expect(languageOfTag('fr-CA')).toBe('fr');
    expect(languageOfTag('EN_us')).toBe('en');
    expect(languageOfTag('english please')).toBeUndefined();
    expect(languageOfTag(undefined)).toBeUndefined();
  });
});

/** isProseLine as regular expressions read it, to check the character scan against. */
function isProseLineByRegex(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return false;
  const digits = line.match(/\p{N}/gu)?.length ?? 0;
  if (digits > 0.2 * (letters + digits)) return false;
  const words = line.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  if (words.length < 5)
    return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u.test(
      line,
    );
  const cased = words.filter((word) => !/^[^\p{L}]*\p{N}/u.test(word));
  const capitalised = cased.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length;
  const lower = cased.filter((word) => /^[^\p{L}]*\p{Ll}/u.test(word)).length;
  return capitalised + lower === 0 || capitalised <= 0.6 * (capitalised + lower);
}

describe('isProseLine', () => {
  it('reads every character as the regular expressions \\p{L}, \\p{Lu}, \\p{Ll}, \\p{N} and \\s do', () => {
    const differing: string[] = [];
    const lines = (char: string) => [
      `${char}word Alpha Beta Gamma delta`,
      `x${char} Alpha Beta Gamma delta`,
      `${char} Alpha Beta Gamma delta epsilon`,
      `1${char}a Alpha Beta Gamma delta`,
      `${char.repeat(20)} one two three four`,
    ];
    for (let point = 0; point <= 0x10ffff; point += point < 0x10000 ? 1 : 0x101) {
      const char = String.fromCodePoint(point);
      for (const line of lines(char)) {
        if (isProseLine(line) !== isProseLineByRegex(line)) differing.push(line);
      }
    }
    differing.push(
      ...['\ud800 Alpha Beta Gamma delta', 'Alpha\udc00 beta gamma delta epsilon'].filter(
        (line) => isProseLine(line) !== isProseLineByRegex(line),
      ),
    );

    expect(differing).toEqual([]);
    // Every code point, five lines each, both ways: CPU-bound, so generous for a loaded 2-core CI (it took 47 s).
  }, 180_000);
});

describe('what detection reads of a long article', () => {
  it('finds a letter of the scripts one language writes wherever the Unicode script test does', () => {
    const scriptLetter =
      /(?=[\p{L}\p{M}])[\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Sinhala}\p{Script=Tibetan}\p{Script=Mongolian}\p{Script=Thaana}]/u;
    const missed: number[] = [];
    for (let point = 0; point <= 0x10ffff; point += 1) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (hasScriptLanguageLetter(`a ${char} b`) !== scriptLetter.test(char)) missed.push(point);
    }

    expect(missed).toEqual([]);
  });

  it('relies on eld reading only the first ELD_READS_CHARS of a text', () => {
    const { instance, loadData } = createEld();
    loadData(readNgramTable(LANGUAGE_NGRAMS_FILE));
    const english = `${'The council approved the new budget on Tuesday after a long debate. '.repeat(15)}`;
    const start = english.slice(0, ELD_READS_CHARS);
    const withGerman = `${start}${GERMAN.repeat(10)}`;

    expect(instance.detect(withGerman).getScores()).toEqual(instance.detect(start).getScores());
  });

  it('counts a script on the whole prose sample, past what eld reads', () => {
    const english = 'The council approved the new budget on Tuesday after a long debate about the harbour.\n';
    const text = `${english.repeat(12)}${`${BURMESE}\n`.repeat(20)}`;

    expect(detectLanguage(text.slice(0, ELD_READS_CHARS)).language).toBe('en');
    expect(detectLanguage(text)).toEqual({ language: 'my', confidence: 1, source: 'detected' });
  });
});

describe('declared languages in cleanDocument', () => {
  it('takes <html lang> over the Latin-script furniture of a Burmese page', () => {
    const html =
      '<html lang="my"><head><title>Court case</title></head><body><article>' +
      `<p>Photo copyright Khin Mg Win (Shwe Inn Thar) Getty Images BBC News</p><p>${BURMESE}</p>` +
      '</article></body></html>';

    const document = cleanDocument({ bytes: encode(html), contentType: 'text/html' });

    expect(document.language).toBe('my');
    expect(document.languageSource).toBe('declared');
  });

  it('takes a JSON export’s language field and a sender’s Content-Language', () => {
    const json = JSON.stringify({ text: GERMAN, language: 'en' });

    expect(cleanDocument({ bytes: encode(json), fileName: 'a.json' }).language).toBe('en');
    expect(cleanDocument({ bytes: encode(GERMAN), fileName: 'a.txt', language: 'fr' })).toMatchObject({
      language: 'fr',
      languageConfidence: 1,
      languageSource: 'declared',
    });
  });
});

describe('analysis of English wire stories with tables', () => {
  it('detects English from the prose around a table of Dutch names and analyses the story fully', () => {
    const bytes = encode(RESULTS_TABLE);

    const result = processArticle({ id: 'table', bytes, source: { bytes: bytes.byteLength } });

    expect(result).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect(result.analysis).toEqual({ summary: 'full', facts: 'full' });
    expect(result.facts.entities.map((entity) => entity.name)).toContain('Feyenoord');
  });
});
