/**
 * `npm run check:identical -- --save FILE` / `-- --compare FILE`: proves that a change to the pipeline (a speed-up)
 * leaves every output as it was. It runs processArticle on every dev set that is present (CNN/DM 268, CoNLL dev,
 * GUM dev, TBAQ, PolNeAR, the news-fixture pages, the trafilatura pages, and the seed), each fed as its benchmark
 * feeds it, and writes one line per document: `{doc, result}`, the Result as JSON without `processedAt`, keys in
 * the order the pipeline wrote them (so the check is stricter than a key-sorted canonical form).
 * `--compare` runs the same and prints the first 10 documents that differ, with the first differing field of each;
 * `--compare FILE --all` prints every differing document (to check that two trees differ from FILE in the same ones).
 * Run `--save` on main before a change, `--compare` after it. `--develop` (with either) leaves out the held-out
 * documents (bench:dates' held-out TBAQ part, bench:quotes' PolNeAR fold 3; scripts/held-out-documents.ts), from the
 * run and from the saved file, so that no held-out name or field is printed; it says how many it left out.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { processArticle } from '#shared/process-article.ts';
import type { Result } from '#shared/result.ts';
import { readEvaluationData } from '../bench/evaluation-data.ts';
import { heldOutNames, polnearName, tbaqName } from './held-out-documents.ts';

interface Doc {
  readonly name: string;
  readonly run: () => Result;
}

const NOW = () => new Date('2026-11-30T00:00:00Z');
const encode = (text: string) => new TextEncoder().encode(text);

/** A document sent with its content type, as an upload with that Content-Type is. */
function typedDocument(name: string, body: string, contentType: string, url?: string): Doc {
  const bytes = encode(body);
  return {
    name,
    run: () =>
      processArticle(
        { id: name, bytes, source: { contentType, bytes: bytes.byteLength }, ...(url ? { url } : {}) },
        { now: NOW },
      ),
  };
}

const plainText = (name: string, text: string, url?: string): Doc =>
  typedDocument(name, text, 'text/plain; charset=utf-8', url);

function jsonArticle(name: string, text: string, publishedAt: string): Doc {
  const bytes = encode(JSON.stringify({ text, publishedAt }));
  return {
    name,
    run: () =>
      processArticle(
        { id: name, bytes, source: { key: `${name}.json`, bytes: bytes.byteLength } },
        { now: NOW },
      ),
  };
}

const htmlPage = (name: string, html: string, url?: string): Doc =>
  typedDocument(name, html, 'text/html; charset=utf-8', url);

/**
 * Every document of every dev set that is present (a missing set is skipped with "data not found"), and the names of
 * those that `--develop` leaves out.
 */
function documents(): { docs: Doc[]; heldOut: Set<string> } {
  const docs: Doc[] = [];
  for (const file of ['summaries/cnndm-dev.jsonl', 'summaries/cnndm-more.jsonl']) {
    for (const row of readEvaluationData<{ id: string; article: string; url?: string }>(file) ?? []) {
      docs.push(plainText(`cnndm/${row.id}`, row.article, row.url));
    }
  }
  for (const file of ['ner/conll2003-dev.jsonl', 'ner/gum-dev.jsonl']) {
    for (const row of readEvaluationData<{ id: string; text: string }>(file) ?? []) {
      docs.push(plainText(`${file}/${row.id}`, row.text));
    }
  }
  const tbaq =
    readEvaluationData<{ id: string; text: string; dct: string }>('dates/tempeval3-tbaq.jsonl') ?? [];
  for (const row of tbaq) docs.push(jsonArticle(tbaqName(row.id), row.text, row.dct));
  const polnear =
    readEvaluationData<{ id: string; publisher: string; text: string; date: string }>(
      'quotes/polnear-dev.jsonl',
    ) ?? [];
  for (const row of polnear) docs.push(jsonArticle(polnearName(row.id), row.text, row.date));
  for (const file of ['pages/news-fixtures.jsonl.gz', 'extraction/trafilatura-dev.jsonl.gz']) {
    for (const row of readEvaluationData<{ id: string; html: string; url?: string }>(file) ?? []) {
      docs.push(htmlPage(`${file}/${row.id}`, row.html, row.url));
    }
  }
  const seed = new URL('../../shared/seed/article.txt', import.meta.url);
  if (existsSync(seed)) docs.push(plainText('seed', readFileSync(seed, 'utf8')));
  return { docs, heldOut: heldOutNames(tbaq, polnear) };
}

/** One line of output: the Result without its clock-dependent `processedAt`. */
function line(doc: Doc): string {
  const { processedAt: _processedAt, ...result } = doc.run();
  return JSON.stringify({ doc: doc.name, result });
}

/** The first place where `a` and `b` differ, as a path and the two values (shortened). */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found !== undefined) return found;
    }
    return `${path}: key order differs`;
  }
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 160);
  return `${path}: ${show(a)} -> ${show(b)}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const develop = args.includes('--develop');
  const [mode, file, option] = args.filter((arg) => arg !== '--develop');
  const listAll = mode === '--compare' && option === '--all';
  if (
    (mode !== '--save' && mode !== '--compare') ||
    file === undefined ||
    (option !== undefined && !listAll)
  ) {
    console.error('usage: check-identical (--save FILE | --compare FILE [--all]) [--develop]');
    process.exit(2);
  }
  const found = documents();
  const docs = develop ? found.docs.filter((doc) => !found.heldOut.has(doc.name)) : found.docs;
  if (develop) {
    console.log(
      `--develop: ${found.docs.length - docs.length} held-out documents left out (TBAQ's held-out part, PolNeAR fold 3)`,
    );
  }
  const started = process.cpuUsage();
  const lines = docs.map(line);
  const cpu = process.cpuUsage(started);
  console.log(`${docs.length} documents in ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`);
  if (mode === '--save') {
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`saved to ${file}`);
    return;
  }
  const saved = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const before = new Map(saved.map((text) => [JSON.parse(text).doc as string, text]));
  if (develop) for (const name of found.heldOut) before.delete(name);
  let differing = 0;
  for (const text of lines) {
    const { doc, result } = JSON.parse(text);
    const old = before.get(doc);
    before.delete(doc);
    if (old === text) continue;
    differing += 1;
    if (differing > 10 && !listAll) continue;
    const where =
      old === undefined ? 'not in the saved file' : firstDifference(JSON.parse(old).result, result);
    console.log(`DIFFERS ${doc}: ${where}`);
  }
  for (const doc of before.keys()) console.log(`MISSING ${doc}: in the saved file, not in this run`);
  const missing = before.size;
  console.log(
    differing + missing === 0
      ? `identical: all ${lines.length} documents`
      : `${differing} documents differ, ${missing} missing`,
  );
  if (differing + missing > 0) process.exit(1);
}

main();
