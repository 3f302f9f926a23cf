/**
 * Real pages: the share of summary sentences and headlines that are not part of the article body, measured
 * as ../shared/tools/dev-report's `pages` does, and the share of dangling summary sentences, on the news
 * pages of ../shared/data/pages/news-fixtures.jsonl.gz run through the pipeline as `precis process --jsonl`
 * runs {"id", "html"} lines.
 */
import { processArticle } from '#shared/process-article.ts';
import type { Result } from '#shared/result.ts';
import { isBadLine, parseJsonlLine } from '../cli/jsonl-line.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { danglingSentences, isInside, matchableBody } from './summary-checks.ts';

interface Page {
  readonly id: string;
  readonly html: string;
  /** The article body the newspaper library's tests expect. */
  readonly text: string;
}

export interface PageShares {
  readonly pages: number;
  readonly sentences: number;
  readonly offBodySentences: number;
  readonly headlines: number;
  readonly offBodyHeadlines: number;
  readonly dangling: number;
  /** What fell outside, for inspection. */
  readonly outside: readonly {
    readonly id: string;
    readonly kind: 'sentence' | 'headline';
    readonly text: string;
  }[];
}

export const PAGES_DATA = 'pages/news-fixtures.jsonl.gz';

/** The Result `precis process --jsonl` gives the line {"id", "html"}. */
export function resultOfLine(line: object, lineNumber: number, options = {}): Result | undefined {
  const input = parseJsonlLine(JSON.stringify(line), lineNumber);
  return isBadLine(input) ? undefined : processArticle(input, options);
}

export function measurePages(): PageShares | undefined {
  const pages = readEvaluationData<Page>(PAGES_DATA);
  if (pages === undefined) return undefined;
  let sentences = 0;
  let offBodySentences = 0;
  let headlines = 0;
  let offBodyHeadlines = 0;
  let dangling = 0;
  const outside: { id: string; kind: 'sentence' | 'headline'; text: string }[] = [];
  pages.forEach((page, index) => {
    const result = resultOfLine({ id: page.id, html: page.html }, index + 1);
    if (result === undefined) return;
    const body = matchableBody(page.text);
    for (const sentence of result.summary) {
      sentences += 1;
      if (isInside(sentence, body)) continue;
      offBodySentences += 1;
      outside.push({ id: page.id, kind: 'sentence', text: sentence });
    }
    dangling += danglingSentences(result.text, result.summary).length;
    if (result.headline === undefined || result.headline === '') return;
    headlines += 1;
    if (isInside(result.headline, body)) return;
    offBodyHeadlines += 1;
    outside.push({ id: page.id, kind: 'headline', text: result.headline });
  });
  return { pages: pages.length, sentences, offBodySentences, headlines, offBodyHeadlines, dangling, outside };
}
