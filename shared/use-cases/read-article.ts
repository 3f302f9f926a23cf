import type { LinkingArticleBucket } from '../adapters/article-bucket-links.ts';
import type { ArticleStore } from '../adapters/article-store.ts';
import { NotFoundError } from '../errors.ts';
import type { ResultSummaryView } from '../events/api-responses.ts';
import type { Result } from '../result.ts';
import { rehydrate } from './get-article.ts';

/**
 * Largest answer GET /articles/{id} gives whole, as JSON. Lambda's synchronous response limit is 6 MB; a
 * megabyte keeps every answer far from it and quick on a phone. Larger Results are answered with the summary
 * view and short-lived links to the whole.
 */
export const MAX_ANSWER_BYTES = 1_000_000;
/** How long the presigned links of a summary view work. */
export const LINK_EXPIRY_SECONDS = 300;
/** Entities the summary view lists (most salient first). */
const SUMMARY_VIEW_ENTITIES = 100;

export interface ReadAnswerDeps {
  readonly bucket: LinkingArticleBucket;
  readonly store: ArticleStore;
  readonly now?: () => Date;
  readonly maxAnswerBytes?: number;
}

/** Links that go with a whole Result or its fields. */
interface AnswerLinks {
  readonly links?: { readonly view: string; readonly expiresAt: string };
}

export type ArticleAnswer = ((Result | Partial<Result>) & AnswerLinks) | ResultSummaryView;

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Whether GET /articles/{id} answers this Result with its summary view (so processing keeps its JSON in S3). */
export const isOverAnswerLimit = (result: Result, limit = MAX_ANSWER_BYTES) => jsonBytes(result) > limit;

/** The parts of a Result named by `fields` (`summary`, `facts.entities`, ...), with its id and status. */
export function selectFields(result: Result, fields: readonly string[]): Partial<Result> {
  const selected: Record<string, unknown> = { id: result.id, status: result.status };
  const facts: Record<string, unknown> = {};
  for (const field of fields) {
    const [top = '', part] = field.split('.');
    if (top === 'facts' && part !== undefined) facts[part] = result.facts[part as keyof Result['facts']];
    else if (result[top as keyof Result] !== undefined) selected[top] = result[top as keyof Result];
  }
  if (Object.keys(facts).length > 0 && selected.facts === undefined) selected.facts = facts;
  return selected as Partial<Result>;
}

/** What a client can show of a Result too large to send: everything but text, facts and the removal audit. */
export function summaryView(result: Result, links: ResultSummaryView['links']): ResultSummaryView {
  const { text, facts, removed, ...rest } = result;
  const entities = [...facts.entities]
    .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
    .slice(0, SUMMARY_VIEW_ENTITIES)
    .map((entity) => ({
      type: entity.type,
      name: entity.name,
      count: entity.count ?? entity.mentions.length,
    }));
  return {
    ...rest,
    truncated: true,
    bytes: jsonBytes(result),
    entities,
    totals: {
      entities: facts.entities.length,
      dates: facts.dates.length,
      numbers: facts.numbers.length,
      quotes: facts.quotes.length,
      removed: removed?.length ?? 0,
      textLength: text.length,
    },
    links,
  };
}

/**
 * GET /articles/{id}: the Result (or the `fields` asked for) when its JSON fits MAX_ANSWER_BYTES, else the
 * summary view with presigned links to the whole Result JSON and the cleaned text in processed/. Either way a
 * DONE Result links to its viewer page (processed/<id>.html), presigned like the others.
 */
export async function readArticle(
  id: string,
  fields: readonly string[] | undefined,
  deps: ReadAnswerDeps,
): Promise<ArticleAnswer> {
  const stored = await deps.store.get(id);
  if (stored === undefined) throw new NotFoundError(`No article with id ${id}`);
  const result = await rehydrate(stored, deps.bucket);
  const answer = fields === undefined ? result : selectFields(result, fields);
  const now = (deps.now ?? (() => new Date()))();
  const expiresAt = new Date(now.getTime() + LINK_EXPIRY_SECONDS * 1_000).toISOString();
  const link = (key: string | undefined) =>
    key === undefined ? undefined : deps.bucket.presignGet(key, LINK_EXPIRY_SECONDS);
  const view = await link(stored.pageKey);
  const viewLink = view === undefined ? {} : { view };
  if (!isOverAnswerLimit(answer as Result, deps.maxAnswerBytes)) {
    return view === undefined ? answer : { ...answer, links: { view, expiresAt } };
  }
  const [resultLink, textLink] = await Promise.all([link(stored.resultKey), link(stored.textKey)]);
  return summaryView(result, {
    ...(resultLink === undefined ? {} : { result: resultLink }),
    ...(textLink === undefined ? {} : { text: textLink }),
    ...viewLink,
    expiresAt,
  });
}
