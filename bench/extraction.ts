/**
 * Main-content extraction benchmark: precis's cleanDocument against plain @mozilla/readability (same DOM
 * library, linkedom) on trafilatura's evaluation pages, scored with trafilatura's snippet metric.
 * Data: ../shared/data/extraction/trafilatura-dev.jsonl.gz (never copied into the repo).
 * Each system is scored on its title followed by its text: both extract a title, and precis keeps the headline
 * out of `text` (it is in `title`), so scoring text alone would count a headline snippet against it.
 * `npm run bench:extraction [-- --failures FILE]` writes each page's missed and leaked snippets to FILE.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { detectLanguage } from '#shared/clean/detect-language.ts';
import { InputError } from '#shared/errors.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { emptyScore, f1, precision, recall, type Score, scorePage } from './extraction-score.ts';

interface Page {
  readonly id: string;
  readonly url: string | null;
  readonly html: string;
  readonly html_encoding: string | null;
  readonly html_lang: string | null;
  readonly with: readonly string[];
  readonly without: readonly string[];
}

interface Extraction {
  readonly text: string;
  readonly language?: string;
}

type Extractor = (page: Page, bytes: Uint8Array) => Extraction;

const DATA = 'extraction/trafilatura-dev.jsonl.gz';
const ENGLISH = /^en\b/i;
const WINDOWS_1252_HIGH = new Map(
  [
    ...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index)),
  ].map((char, index) => [char, 0x80 + index]),
);

/** The page as the crawler got it: bytes in its declared encoding (characters outside it as HTML references). */
function encodePage(page: Page): Uint8Array {
  const encoding = (page.html_encoding ?? 'utf-8').toLowerCase();
  if (encoding.startsWith('utf-8')) return new TextEncoder().encode(page.html);
  const bytes: number[] = [];
  for (const char of page.html) {
    const code = char.codePointAt(0) ?? 0;
    const single = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : WINDOWS_1252_HIGH.get(char);
    if (single !== undefined) bytes.push(single);
    else for (const byte of new TextEncoder().encode(`&#${code};`)) bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

function charsetOf(page: Page): string {
  return (page.html_encoding ?? 'utf-8').replace(/\(.*\)$/, '').replace(/^cp/, 'windows-');
}

const precis: Extractor = (page, bytes) => {
  try {
    const document = cleanDocument({
      bytes,
      contentType: `text/html; charset=${charsetOf(page)}`,
      ...(page.url ? { url: page.url } : {}),
    });
    // Detection alone (the declared language would win in the Result): does it read the page right?
    return {
      text: `${document.title ?? ''}\n${document.text}`,
      language: detectLanguage(document.text).language,
    };
  } catch (error) {
    if (error instanceof InputError) return { text: '' };
    throw error;
  }
};

const readability: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  const article = new Readability(document as never).parse();
  return { text: `${article?.title ?? ''}\n${article?.textContent ?? ''}` };
};

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

interface Run {
  /** Pages whose declared language (html lang) precis's detected language matches, of those that declare one. */
  readonly language: { agree: number; declared: number };
  readonly all: Score;
  readonly english: Score;
  readonly times: number[];
  readonly failures: { id: string; url: string | null; missed: string[]; leaked: string[] }[];
}

function run(pages: readonly Page[], extract: Extractor): Run {
  const result: Run = {
    language: { agree: 0, declared: 0 },
    all: emptyScore(),
    english: emptyScore(),
    times: [],
    failures: [],
  };
  for (const page of pages) {
    const bytes = encodePage(page);
    const started = performance.now();
    const { text, language } = extract(page, bytes);
    result.times.push(performance.now() - started);
    const declared = page.html_lang?.slice(0, 2).toLowerCase();
    if (declared && language) {
      result.language.declared += 1;
      if (language === declared) result.language.agree += 1;
    }
    const wrong = scorePage(result.all, page, text);
    if (ENGLISH.test(page.html_lang ?? '')) scorePage(result.english, page, text);
    if (wrong.missed.length + wrong.leaked.length > 0)
      result.failures.push({ id: page.id, url: page.url, ...wrong });
  }
  return result;
}

function row(name: string, subset: string, score: Score): string {
  const cells = [
    name,
    subset,
    score.pages,
    score.tp,
    score.fp,
    score.fn,
    precision(score).toFixed(3),
    recall(score).toFixed(3),
    f1(score).toFixed(3),
  ];
  return `| ${cells.join(' | ')} |`;
}

function speed(name: string, times: readonly number[], megabytes: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((sum, time) => sum + time, 0);
  return `| ${name} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.95).toFixed(1)} | ${(total / megabytes).toFixed(0)} |`;
}

function main(): void {
  const { values } = parseArgs({ options: { failures: { type: 'string' } } });
  const pages = readEvaluationData<Page>(DATA);
  if (pages === undefined) return;
  const megabytes = pages.reduce((sum, page) => sum + encodePage(page).byteLength, 0) / (1024 * 1024);
  const runs = { precis: run(pages, precis), readability: run(pages, readability) };
  console.log(`trafilatura dev set: ${pages.length} pages, ${megabytes.toFixed(1)} MB of HTML\n`);
  console.log('| system | subset | pages | TP | FP | FN | precision | recall | F1 |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, result] of Object.entries(runs)) {
    console.log(row(name, 'all', result.all));
    console.log(row(name, 'English', result.english));
  }
  console.log('\n| system | median ms/page | p95 ms/page | ms per MB |');
  console.log('|---|---|---|---|');
  for (const [name, result] of Object.entries(runs)) console.log(speed(name, result.times, megabytes));
  const { agree, declared } = runs.precis.language;
  console.log(
    `\nprecis language detection (eld on the prose of the cleaned text, declaration ignored) agrees with the page's html lang on ${agree}/${declared} pages`,
  );
  if (values.failures !== undefined) {
    writeFileSync(
      values.failures,
      JSON.stringify(runs, (key, value) => (key === 'times' ? undefined : value), 2),
    );
  }
}

main();
