/**
 * `modifiedAt` only when it is no earlier than `publishedAt`: a page "updated" before it was published shows a draft's
 * last save before a scheduled publication (a SitePoint page: modified the 14th, published the 20th), not a change a
 * reader should be told of. Times with a zone are compared as instants; when either lacks a time or a zone, their
 * days are compared.
 */
const ZONED = /T.*(?:Z|[+-]\d\d:?\d\d)$/u;

export function modifiedSincePublished(
  modifiedAt: string | undefined,
  publishedAt: string | undefined,
): string | undefined {
  if (modifiedAt === undefined || publishedAt === undefined) return modifiedAt;
  return isEarlier(modifiedAt, publishedAt) ? undefined : modifiedAt;
}

function isEarlier(a: string, b: string): boolean {
  if (ZONED.test(a) && ZONED.test(b)) return Date.parse(a) < Date.parse(b);
  return a.slice(0, 10) < b.slice(0, 10);
}
