import type { Result } from '#shared/result.ts';
import { escapeHtml } from './escape-html.ts';
import { pageDocument, statusBadge } from './render-page.ts';

/** A page listing articles with their status and links: the local stack's `GET /view`. */

export interface ListedArticle {
  readonly result: Pick<Result, 'id' | 'status' | 'title' | 'processedAt' | 'source' | 'error'>;
  /** Where the viewer page and the Result JSON are. */
  readonly links: { readonly view: string; readonly json: string };
}

function row({ result, links }: ListedArticle): string {
  const title = result.title ?? result.source.key ?? result.id;
  const status = `${statusBadge(result.status)}${result.error ? ` <code>${escapeHtml(result.error.code)}</code>` : ''}`;
  return `<tr><td><a href="${escapeHtml(links.view)}">${escapeHtml(title)}</a></td><td>${status}</td><td>${escapeHtml(
    result.processedAt,
  )}</td><td>${escapeHtml(result.source.key ?? '')}</td><td><a href="${escapeHtml(links.json)}">JSON</a></td></tr>`;
}

export function renderArticleList(articles: readonly ListedArticle[], heading = 'Recent articles'): string {
  const table =
    articles.length === 0
      ? '<p>No articles yet: upload one under incoming/ or POST it to /articles.</p>'
      : `<table class="articles"><thead><tr><th scope="col">Article</th><th scope="col">Status</th><th scope="col">Processed</th><th scope="col">Object</th><th scope="col">Result</th></tr></thead><tbody>${articles
          .map(row)
          .join('')}</tbody></table>`;
  const body = `<div class="page"><header class="masthead"><p class="kicker">precis</p><h1>${escapeHtml(
    heading,
  )}</h1></header><main id="main">${table}</main></div>`;
  return pageDocument(`${heading} · precis`, body);
}
