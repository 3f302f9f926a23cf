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
 * `npm run bench:metadata [-- --errors FILE]` writes the wrong titles, bylines and dates to FILE.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processArticle } from '#shared/process-article.ts';
import type { Result } from '#shared/result.ts';
import { readEvaluationData } from './evaluation-data.ts';

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
  gold: number;
  right: number;
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

const tally = (): Tally => ({ gold: 0, right: 0, missing: 0 });

function count(into: Tally, gold: string | undefined, predicted: string | undefined, same: boolean): boolean {
  if (!gold) return true;
  into.gold += 1;
  if (predicted === undefined) into.missing += 1;
  else if (same) into.right += 1;
  return same;
}

function main(): void {
  const { values } = parseArgs({ options: { errors: { type: 'string' } } });
  const pages = readEvaluationData<Page>(DATA);
  if (pages === undefined) return;
  const title = tally();
  const byline = tally();
  const date = tally();
  let extraBylines = 0;
  let emptyAuthors = 0;
  const fields = { image: 0, section: 0, tags: 0, modifiedAt: 0 };
  const errors: string[] = [];
  for (const page of pages) {
    const result = run(page) as Result & Record<string, unknown>;
    const day = result.publishedAt?.slice(0, 10);
    const author = Array.isArray(page.author)
      ? page.author.join(', ')
      : (page.author as string | null | undefined);
    const ok = [
      count(
        title,
        page.title ?? undefined,
        result.title,
        fold(result.title ?? '') === fold(page.title ?? ''),
      ),
      count(byline, author ?? undefined, result.byline, names(result.byline ?? '') === names(author ?? '')),
      count(date, page.date ?? undefined, day, day === page.date),
    ];
    if (author === '') {
      emptyAuthors += 1;
      if (result.byline) extraBylines += 1;
    }
    for (const field of Object.keys(fields) as (keyof typeof fields)[]) {
      if (result[field] !== undefined) fields[field] += 1;
    }
    if (ok.includes(false)) {
      errors.push(
        `# ${page.id} ${page.url}\n  title ${JSON.stringify(result.title)} gold ${JSON.stringify(page.title)}\n` +
          `  byline ${JSON.stringify(result.byline)} gold ${JSON.stringify(author)}\n  date ${day} gold ${page.date}`,
      );
    }
  }
  const line = (name: string, t: Tally) =>
    `${name.padEnd(8)} ${String(t.gold).padStart(5)} ${String(t.right).padStart(6)} ${String(t.missing).padStart(8)}` +
    `  ${(t.right / t.gold).toFixed(3)}`;
  console.log(`trafilatura dev, ${pages.length} pages through processArticle; fields with gold only`);
  console.log('field     gold  right  missing  accuracy');
  console.log(line('title', title));
  console.log(line('byline', byline));
  console.log(line('date', date));
  console.log(`bylines on the ${emptyAuthors} pages whose gold author is empty: ${extraBylines}`);
  console.log(
    `pages with image ${fields.image}, section ${fields.section}, tags ${fields.tags}, modifiedAt ${fields.modifiedAt}`,
  );
  if (values.errors) {
    writeFileSync(values.errors, `${errors.join('\n')}\n`);
    console.log(`errors written to ${values.errors}`);
  }
}

main();
