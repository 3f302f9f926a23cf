import { readEvaluationData } from './evaluation-data.ts';

/** A CNN/DailyMail article as the CLI's --jsonl reads it. */
export interface CnndmArticle {
  readonly id: string;
  readonly text: string;
  readonly url?: string;
}

interface Row {
  readonly id: string;
  readonly article: string;
  readonly url?: string;
}

const FILES = ['summaries/cnndm-dev.jsonl', 'summaries/cnndm-more.jsonl'];

/**
 * The 268 CNN/DailyMail dev articles (cnndm-dev and cnndm-more, ../shared/data/summaries), or undefined after
 * printing "data not found" when either file is absent.
 */
export function readCnndmArticles(): CnndmArticle[] | undefined {
  const articles: CnndmArticle[] = [];
  for (const file of FILES) {
    const rows = readEvaluationData<Row>(file);
    if (rows === undefined) return undefined;
    for (const { id, article, url } of rows) articles.push({ id, text: article, ...(url ? { url } : {}) });
  }
  return articles;
}
