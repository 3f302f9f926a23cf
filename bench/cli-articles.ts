import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CnndmArticle } from './cnndm.ts';

/** Articles in the CLI's `--jsonl` runs of bench:perf and bench:cli-pairs: the 268 CNN/DM articles repeated. */
export const CLI_ARTICLES = 1_400;

/**
 * Writes a `--jsonl` file of CLI_ARTICLES lines (`{id, text}`, ids `<article id>#<line>`) into `directory`, the
 * same lines `repeats` times over; returns its path.
 */
export function writeCliArticles(directory: string, articles: readonly CnndmArticle[], repeats = 1): string {
  const file = join(directory, 'articles.jsonl');
  const lines = Array.from({ length: CLI_ARTICLES }, (_, index) => {
    const article = articles[index % articles.length] as CnndmArticle;
    return JSON.stringify({ id: `${article.id}#${index}`, text: article.text });
  });
  writeFileSync(file, `${lines.join('\n')}\n`.repeat(repeats));
  return file;
}

/** Runs `use` with a temporary file of writeCliArticles's (written once), removed afterwards. */
export function withCliArticles<T>(articles: readonly CnndmArticle[], use: (file: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'precis-bench-cli-'));
  try {
    return use(writeCliArticles(directory, articles));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
