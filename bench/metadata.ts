/**
 * Page metadata benchmark: title, byline and publication date through the whole pipeline (`processArticle`)
 * against the gold title/author/date that trafilatura's evaluation set gives for some of its pages, plus the
 * share of pages that get each of the other page fields (image, section, tags, modifiedAt).
 * Data: ../shared/data/extraction/trafilatura-dev.jsonl.gz (never copied into the repo).
 *
 * Title and byline compare after folding case, whitespace, quotes and a leading "By"; a byline is right when
 * it names the same people (in any order). A date is right when the day is the same. "Extra bylines" counts
 * pages whose gold author is empty but precis gave one (a rough count: an empty gold author may also mean
 * that nobody annotated it).
 * Pages are split once by a hash of their id: `tune` (the half the rules were developed on) and `held-out`.
 * `npm run bench:metadata [-- --errors FILE]` writes the tune half's wrong titles, bylines and dates to FILE.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processArticle } from '#shared/process-article.ts';
import type { Result } from '#shared/result.ts';
import { pairedBootstrap } from './bootstrap.ts';
import { readEvaluationData, stableHash } from './evaluation-data.ts';

interface Page {
  readonly id: string;
  readonly url: string | null;
  readonly html: string;
  readonly title?: string | null;
  /** A name, several separated by commas or semicolons, or a list of names. */
  readonly author?: string | readonly string[] | null;
  readonly date?: string | null;
}

interface Tally {
  /** Per page with a gold value: 1 when precis is right, else 0. */
  scores: number[];
  missing: number;
}

const DATA = 'extraction/trafilatura-dev.jsonl.gz';
const NOW = () => new Date('2026-01-01T00:00:00Z');
const QUOTES = /["“”„«»'‘’]/gu;
const NAME_SEPARATORS = /\s*(?:,|;|\/|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*/iu;

function fold(text: string): string {
  return text.normalize('NFKC').replace(QUOTES, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function names(byline: string): string {
  return fold(byline)
    .replace(/^(?:by|von|par|por|di)\s+/u, '')
    .split(NAME_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .sort()
    .join('|');
}

function run(page: Page): Result {
  const bytes = new TextEncoder().encode(page.html);
  return processArticle(
    {
      id: page.id,
      bytes,
      source: { contentType: 'text/html; charset=utf-8', bytes: bytes.byteLength },
      ...(page.url ? { url: page.url } : {}),
    },
    { now: NOW },
  );
}

const tally = (): Tally => ({ scores: [], missing: 0 });

function count(into: Tally, gold: string | undefined, predicted: string | undefined, same: boolean): boolean {
  if (!gold) return true;
  if (predicted === undefined) into.missing += 1;
  into.scores.push(predicted !== undefined && same ? 1 : 0);
  return same;
}

interface Totals {
  title: Tally;
  byline: Tally;
  date: Tally;
  emptyAuthors: number;
  extraBylines: number;
}

const totals = (): Totals => ({
  title: tally(),
  byline: tally(),
  date: tally(),
  emptyAuthors: 0,
  extraBylines: 0,
});

function main(): void {
  const { values } = parseArgs({ options: { errors: { type: 'string' } } });
  const pages = readEvaluationData<Page>(DATA);
  if (pages === undefined) return;
  const parts = { tune: totals(), 'held-out': totals(), all: totals() };
  const fields = { image: 0, section: 0, tags: 0, modifiedAt: 0 };
  const errors: string[] = [];
  for (const page of pages) {
    const result = run(page) as Result & Record<string, unknown>;
    const day = result.publishedAt?.slice(0, 10);
    const author = Array.isArray(page.author)
      ? page.author.join(', ')
      : (page.author as string | null | undefined);
    const part = stableHash(page.id) % 2 === 0 ? 'tune' : 'held-out';
    let ok = true;
    for (const into of [parts[part], parts.all]) {
      const checks = [
        count(
          into.title,
          page.title ?? undefined,
          result.title,
          fold(result.title ?? '') === fold(page.title ?? ''),
        ),
        count(
          into.byline,
          author ?? undefined,
          result.byline,
          names(result.byline ?? '') === names(author ?? ''),
        ),
        count(into.date, page.date ?? undefined, day, day === page.date),
      ];
      ok = !checks.includes(false) && !(author === '' && result.byline);
      if (author === '') {
        into.emptyAuthors += 1;
        if (result.byline) into.extraBylines += 1;
      }
    }
    for (const field of Object.keys(fields) as (keyof typeof fields)[]) {
      if (result[field] !== undefined) fields[field] += 1;
    }
    if (!ok && part === 'tune') {
      errors.push(
        `# ${page.id} ${page.url}\n  title ${JSON.stringify(result.title)} gold ${JSON.stringify(page.title)}\n` +
          `  byline ${JSON.stringify(result.byline)} gold ${JSON.stringify(author)}\n  date ${day} gold ${page.date}`,
      );
    }
  }
  const rate = (t: Tally) => {
    const right = t.scores.reduce((sum, score) => sum + score, 0);
    const { mean, low, high } = pairedBootstrap(t.scores, []);
    return `${right}/${t.scores.length} ${mean.toFixed(3)} [${low.toFixed(2)}, ${high.toFixed(2)}]`.padEnd(
      28,
    );
  };
  console.log(
    `trafilatura dev, ${pages.length} pages through processArticle; right / pages with a gold value, accuracy [95% bootstrap interval]`,
  );
  console.log(
    `${'part'.padEnd(10)} ${'title'.padEnd(28)} ${'byline'.padEnd(28)} ${'date'.padEnd(28)} bylines where gold has none`,
  );
  for (const [name, t] of Object.entries(parts)) {
    console.log(
      `${name.padEnd(10)} ${rate(t.title)} ${rate(t.byline)} ${rate(t.date)} ${t.extraBylines}/${t.emptyAuthors}`,
    );
  }
  console.log(
    `pages with image ${fields.image}, section ${fields.section}, tags ${fields.tags}, modifiedAt ${fields.modifiedAt}`,
  );
  if (values.errors) {
    writeFileSync(values.errors, `${errors.join('\n')}\n`);
    console.log(`tune-half errors written to ${values.errors}`);
  }
}

main();
