/**
 * `npm run bench:language`: eld's four n-gram tables (large, medium, small, extrasmall) compared as precis uses
 * them (shared/clean/detect-language.ts: the prose sample, the script rule, the reliability and lead checks,
 * English assumed when detection cannot tell), none of them tuned on this data:
 * - English sets, where every document must come out English (detected or assumed): CoNLL-2003 train + dev
 *   (1,162 Reuters stories with tables and headlines in capitals), GUM dev (54), CNN/DM (268);
 * - pages in many languages, against the language their html declares: the 132 news fixtures (newspaper's
 *   article text), and the trafilatura dev pages (precis's cleaned text, the declaration ignored).
 * Differences from medium (the table precis ships) with paired bootstrap 95% intervals; the size of each table
 * as precis ships it (models/language-ngrams.bin) and the CPU time of detection.
 */

import { cleanDocument } from '#shared/clean/clean-document.ts';
import { detectLanguage, type LanguageDetector, languageOfTag } from '#shared/clean/detect-language.ts';
import { createEld } from '#shared/clean/eld-detector.js';
import { eldTable, encodeNgramTable } from '../scripts/build-language-ngrams.ts';
import { pairedBootstrap } from './bootstrap.ts';
import { readCnndmArticles } from './cnndm.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { loadNote } from './measure.ts';

const SIZES = ['large', 'medium', 'small', 'extrasmall'] as const;
const SHIPPED = 'medium';
const HTML_LANG = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)/i;

interface Document {
  readonly id: string;
  readonly text: string;
  /** The language the document is in (English sets) or declares (pages). */
  readonly reference: string;
}

interface DataSet {
  readonly name: string;
  readonly documents: readonly Document[];
}

function englishSet(name: string, rows: readonly { id: string; text: string }[]): DataSet {
  return { name, documents: rows.map(({ id, text }) => ({ id, text, reference: 'en' })) };
}

function readDataSets(): DataSet[] | undefined {
  const conll = [
    ...(readEvaluationData<{ id: string; text: string }>('ner/conll2003-train.jsonl.gz') ?? []),
    ...(readEvaluationData<{ id: string; text: string }>('ner/conll2003-dev.jsonl') ?? []),
  ];
  const gum = readEvaluationData<{ id: string; text: string }>('ner/gum-dev.jsonl');
  const cnndm = readCnndmArticles();
  const news = readEvaluationData<{ id: string; html: string; text: string }>('pages/news-fixtures.jsonl.gz');
  const trafilatura = readEvaluationData<{ id: string; html: string; html_lang?: string | null }>(
    'extraction/trafilatura-dev.jsonl.gz',
  );
  if (conll.length === 0 || !gum || !cnndm || !news || !trafilatura) return undefined;
  const declared = (html: string) => languageOfTag(HTML_LANG.exec(html)?.[1]);
  return [
    englishSet('CoNLL train+dev', conll),
    englishSet('GUM dev', gum),
    englishSet('CNN/DM', cnndm),
    {
      name: 'news fixtures vs html lang',
      documents: news.flatMap(({ id, html, text }) => {
        const reference = declared(html);
        return reference === undefined ? [] : [{ id, text, reference }];
      }),
    },
    {
      name: 'trafilatura dev vs html lang',
      documents: trafilatura.flatMap(({ id, html, html_lang }) => {
        const reference = languageOfTag(html_lang ?? undefined) ?? declared(html);
        if (reference === undefined) return [];
        const { text } = cleanDocument({ bytes: new TextEncoder().encode(html), contentType: 'text/html' });
        return [{ id, text, reference }];
      }),
    },
  ];
}

async function detectorOf(size: string): Promise<{ detector: LanguageDetector; tableBytes: number }> {
  const table = await eldTable(size);
  const { instance, loadData } = createEld();
  loadData(table);
  return { detector: instance, tableBytes: encodeNgramTable(table).length };
}

function cpuMs(started: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}`;

async function main(): Promise<void> {
  const sets = readDataSets();
  if (sets === undefined) return;
  console.log(`bench:language, ${loadNote()}; no table was tuned on any of these sets\n`);
  const correct = new Map<string, Map<string, number[]>>();
  const times = new Map<string, number>();
  const sizes = new Map<string, number>();
  const misses = new Map<string, string[]>();
  for (const size of SIZES) {
    const { detector, tableBytes } = await detectorOf(size);
    sizes.set(size, tableBytes);
    const detectAll = () => {
      const bySet = new Map<string, number[]>();
      const wrong: string[] = [];
      for (const { name, documents } of sets) {
        bySet.set(
          name,
          documents.map(({ id, text, reference }) => {
            const { language } = detectLanguage(text, undefined, detector);
            if (language !== reference) wrong.push(`${id} (${reference} -> ${language})`);
            return language === reference ? 1 : 0;
          }),
        );
      }
      return { bySet, wrong };
    };
    detectAll(); // warms V8 up, so that no table pays for the first compilation
    const started = process.cpuUsage();
    const { bySet, wrong } = detectAll();
    times.set(size, cpuMs(started));
    correct.set(size, bySet);
    misses.set(size, wrong);
  }
  console.log(
    `| eld table | ${sets.map(({ name, documents }) => `${name} (${documents.length})`).join(' | ')} | table file | detection CPU |`,
  );
  console.log(`|---|${sets.map(() => '---:').join('|')}|---:|---:|`);
  for (const size of SIZES) {
    const cells = sets.map(({ name }) => {
      const scores = correct.get(size)?.get(name) ?? [];
      const right = scores.reduce((sum, value) => sum + value, 0);
      if (size === SHIPPED) return `${right}`;
      const { mean, low, high } = pairedBootstrap(scores, correct.get(SHIPPED)?.get(name) ?? []);
      return `${right} (${mean >= 0 ? '+' : ''}${percent(mean)} [${percent(low)}, ${percent(high)}] pts)`;
    });
    const name = size === SHIPPED ? `**${size}** (shipped)` : size;
    console.log(
      `| ${name} | ${cells.join(' | ')} | ${((sizes.get(size) ?? 0) / 1e6).toFixed(2)} MB | ${((times.get(size) ?? 0) / 1000).toFixed(1)} s |`,
    );
  }
  console.log(
    '\nDifferences are against medium, in points of accuracy, with paired bootstrap 95% intervals.',
  );
  const shipped = new Set(misses.get(SHIPPED));
  console.log(`\n${SHIPPED} disagrees with the reference on ${shipped.size} documents:`);
  for (const miss of shipped) console.log(`- ${miss}`);
  for (const size of SIZES.filter((other) => other !== SHIPPED)) {
    const own = misses.get(size) ?? [];
    const gained = own.filter((miss) => !shipped.has(miss));
    const fixed = [...shipped].filter((miss) => !own.includes(miss));
    console.log(
      `${size}: ${gained.length} more misses than ${SHIPPED} (${gained.join('; ')}), ${fixed.length} fewer (${fixed.join('; ')})`,
    );
  }
}

await main();
