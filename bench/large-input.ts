/**
 * Large-input benchmark: time and peak memory of each pipeline step on ~5 MB plain-text articles built from
 * the seed fixture (repeated paragraphs with numbered names, varied prose, and adversarial shapes), plus
 * processArticle end to end. Each input runs in its own child process so peaks do not mix.
 * Run: npm run bench:large [-- <input name> ...]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { buildEntities } from '#shared/facts/entities.ts';
import { groundFacts } from '#shared/facts/ground.ts';
import { tagEntities } from '#shared/facts/ner/tag-entities.ts';
import { findNumbers } from '#shared/facts/numbers.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { processArticle } from '#shared/process-article.ts';
import { summarise } from '#shared/summarise/summarise.ts';

const SEED = readFileSync(new URL('../tests/fixtures/seed-article.txt', import.meta.url), 'utf8');
/** Just under the 5 MiB input limit, in UTF-8 bytes. */
const TARGET_BYTES = 5_000_000;
const MIN_PARAGRAPH = 100;
const MIB = 1024 * 1024;
const MIN_SENTENCE = 40;
const SENTENCE_BREAK = /(?<=[.!?][”"]?)\s+/u;
const DIGITS = /\d+/gu;
const WORD_START = /(?<![\p{L}\p{N}’'])\p{Ll}/gu;

const FIRST_NAMES = 'Ada Bruno Chen Dara Emil Farah Goran Hana Ivo Jun Kofi Lena Mateo Nia Omar Priya'.split(
  ' ',
);
const SURNAMES =
  'Abara Bauer Castillo Dimitrov Eriksen Fujita Galloway Haddad Ibsen Jovanovic Kowalski'.split(' ');
const PLACES = 'Lagos Lyon Osaka Quito Tbilisi Perth Bergen Porto Dakar Hanoi Leeds Turin'.split(' ');
const ORGANISATIONS = 'Harbour Trust|Northwind Bank|Civic Lab|Delta Rail|Arbor Health|Kestrel Media'.split(
  '|',
);
const CAPITALISED_WORDS = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima'.split(
  ' ',
);

const seedParagraphs = SEED.split('\n\n').filter((paragraph) => paragraph.length > MIN_PARAGRAPH);

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

/** Paragraphs produced by `make(i)` joined by `separator`, as many as fit in `TARGET_BYTES`. */
function fill(make: (index: number) => string, separator = '\n\n'): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; ; index++) {
    const part = make(index);
    bytes += Buffer.byteLength(part) + separator.length;
    if (bytes > TARGET_BYTES) return parts.join(separator);
    parts.push(part);
  }
}

const seedSentences = SEED.split(SENTENCE_BREAK).filter((sentence) => sentence.length > MIN_SENTENCE);

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same inputs. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed sentence with its people, places, organisations and numbers swapped for random ones, so that
 * sentences and paragraphs rarely repeat (the cleaner drops repeated paragraphs) and names vary.
 */
function variedSentence(random: () => number): string {
  const choose = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const person = `${choose(FIRST_NAMES)} ${choose(SURNAMES)}`;
  return choose(seedSentences)
    .replaceAll('Antony Blinken', person)
    .replaceAll('Blinken', person.split(' ')[1] ?? person)
    .replaceAll('Xi Jinping', `${choose(FIRST_NAMES)} ${choose(SURNAMES)}`)
    .replaceAll('Beijing', choose(PLACES))
    .replaceAll('Washington', choose(PLACES))
    .replaceAll('State Department', choose(ORGANISATIONS))
    .replace(DIGITS, () => String(Math.floor(random() * 10_000)));
}

/** Paragraphs of three to six varied sentences. */
function variedParagraphs(seed: number): (index: number) => string {
  const random = randomFrom(seed);
  return () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => variedSentence(random)).join(' ');
}

const capitaliseWords = (text: string) => text.replace(WORD_START, (letter) => letter.toUpperCase());

/** The inputs, by name: each a function so a child builds only its own. */
const INPUTS: Readonly<Record<string, () => string>> = {
  /** The seed's paragraphs over and over, "Blinken" numbered so every repetition names someone new. */
  repeated: () => fill((index) => pick(seedParagraphs, index).replaceAll('Blinken', `Blinken${index}`)),
  /** Real-looking prose: seed sentences recombined with varied names, places, organisations and numbers. */
  varied: () => fill(variedParagraphs(1)),
  /** Varied prose as one paragraph of 5 MB, no line breaks. */
  'single-paragraph': () => fill(variedParagraphs(2), ' '),
  /** Varied prose in title case: about 800,000 capitalised words, every one a name candidate. */
  'capitalised-words': () => {
    const paragraph = variedParagraphs(3);
    return fill((index) => capitaliseWords(paragraph(index)));
  },
  /** About 400,000 quotation marks around short attributed phrases, in one paragraph. */
  'quotation-marks': () =>
    fill(
      (index) => `“${pick(CAPITALISED_WORDS, index)} said so,” ${pick(FIRST_NAMES, index)} said. "Yes`,
      ' ',
    ),
};

interface Step {
  readonly step: string;
  readonly seconds: number;
  /** User and system CPU time: what the step costs on a contended machine. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the process so far. */
  readonly peakMiB: number;
}

function timed<T>(steps: Step[], step: string, run: () => T): T {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  steps.push({
    step,
    seconds,
    cpuSeconds: (user + system) / 1e6,
    peakMiB: process.resourceUsage().maxRSS / 1024,
  });
  return value;
}

/** Child: runs one input through each step on its own, or through processArticle end to end. */
function runChild(name: string, mode: string): void {
  const text = (INPUTS[name] as () => string)();
  const bytes = new TextEncoder().encode(text);
  const steps: Step[] = [];
  timed(steps, 'start', () => undefined);
  if (mode === 'whole') {
    timed(steps, 'processArticle', () =>
      processArticle({ id: name, bytes, source: { key: `${name}.txt`, bytes: bytes.byteLength } }),
    );
  } else {
    const document = timed(steps, 'clean', () => cleanDocument({ bytes, fileName: `${name}.txt` }));
    timed(steps, 'summarise', () => summarise(document));
    const tagged = timed(steps, 'tagEntities', () => tagEntities(document.text));
    const entities = timed(steps, 'buildEntities', () =>
      buildEntities(document.text, tagged, { title: document.title }),
    );
    const dates = timed(steps, 'findDates', () => findDates(document.text, {}));
    const numbers = timed(steps, 'findNumbers', () => findNumbers(document.text, { exclude: dates }));
    const quotes = timed(steps, 'findQuotes', () => findQuotes(document.text, entities));
    timed(steps, 'groundFacts', () => groundFacts(document.text, { entities, dates, numbers, quotes }));
  }
  console.log(JSON.stringify({ bytes: bytes.byteLength, steps }));
}

function runInChild(name: string, mode: string): { bytes: number; steps: Step[] } {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, '--child', name, mode], {
    encoding: 'utf8',
    maxBuffer: 16 * MIB,
  });
  if (child.status !== 0) throw new Error(`${name} ${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { bytes: number; steps: Step[] };
}

function main(): void {
  const [flag, name, mode] = process.argv.slice(2);
  if (flag === '--child' && name !== undefined && mode !== undefined) {
    runChild(name, mode);
    return;
  }
  const names = process.argv.slice(2).filter((arg) => arg in INPUTS);
  console.log(`Large inputs (one core, load average ${loadavg()[0]?.toFixed(1)}); peak = maxRSS so far`);
  console.log('| input | bytes | step | seconds | CPU seconds | peak MiB |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const input of names.length > 0 ? names : Object.keys(INPUTS)) {
    const whole = runInChild(input, 'whole');
    const parts = runInChild(input, 'steps');
    for (const step of [...parts.steps, ...whole.steps.slice(1)]) {
      if (step.step === 'start') continue;
      console.log(
        `| ${input} | ${whole.bytes} | ${step.step} | ${step.seconds.toFixed(2)} | ${step.cpuSeconds.toFixed(2)} | ${step.peakMiB.toFixed(0)} |`,
      );
    }
  }
}

main();
