import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { NotFoundError } from '#shared/errors.ts';
import { type ReadArticleDeps, rehydrate } from '#shared/use-cases/get-article.ts';
import { type ListedArticle, renderArticleList } from '#shared/viewer/render-list.ts';
import { renderResultPage, VIEWER_CONTENT_SECURITY_POLICY } from '#shared/viewer/render-page.ts';

/**
 * Pages for people on the local stack, beside the HTTP API on its port: `GET /view/{id}` answers the viewer
 * page the process function wrote to processed/<id>.html (what `links.view` serves in AWS), or one rendered
 * from the Result while it has none (PENDING, PROCESSING, FAILED); `GET /view` lists the most recent uploads
 * with their status and links. Local only: in AWS no route serves HTML.
 */

export const VIEWER_ROUTES = ['GET /view', 'GET /view/{id}'] as const;

const RECENT = 50;

export interface ViewerPagesDeps extends ReadArticleDeps {
  readonly s3: S3Client;
  readonly prefix: string;
}

function html(statusCode: number, body: string): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `${VIEWER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
    body,
  };
}

async function articlePage(id: string, deps: ViewerPagesDeps): Promise<APIGatewayProxyResultV2> {
  const stored = await deps.store.get(id);
  if (stored === undefined) return html(404, renderArticleList([], `No article with id ${id}`));
  if (stored.pageKey !== undefined) {
    const page = await deps.bucket.readText(stored.pageKey).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (page !== undefined) return html(200, page);
  }
  return html(200, renderResultPage(await rehydrate(stored, deps.bucket)));
}

/** The keys under the prefix, most recently written first (the emulator's listing is small). */
async function recentKeys(deps: ViewerPagesDeps): Promise<string[]> {
  const objects: { key: string; at: number }[] = [];
  let token: string | undefined;
  do {
    const page = await deps.s3.send(
      new ListObjectsV2Command({ Bucket: deps.bucket.name, Prefix: deps.prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key) objects.push({ key: object.Key, at: object.LastModified?.getTime() ?? 0 });
    }
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return objects
    .sort((a, b) => b.at - a.at)
    .slice(0, RECENT)
    .map((object) => object.key);
}

async function listPage(deps: ViewerPagesDeps): Promise<APIGatewayProxyResultV2> {
  const articles: ListedArticle[] = [];
  for (const key of await recentKeys(deps)) {
    for (const { result } of await deps.store.listByKey(deps.bucket.name, key)) {
      const id = encodeURIComponent(result.id);
      articles.push({ result, links: { view: `/view/${id}`, json: `/articles/${id}` } });
    }
  }
  return html(200, renderArticleList(articles));
}

/** The handler of VIEWER_ROUTES, shaped like a Lambda behind the local HTTP API. */
export function createViewerPages(deps: ViewerPagesDeps) {
  return (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> =>
    event.routeKey === 'GET /view/{id}' ? articlePage(event.pathParameters?.id ?? '', deps) : listPage(deps);
}
