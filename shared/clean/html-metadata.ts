import { parseDate } from './parse-date.ts';

/** Metadata a page declares about itself in meta tags, link tags and JSON-LD. */
export interface HtmlMetadata {
  readonly title?: string;
  readonly byline?: string;
  readonly publishedAt?: string;
  readonly sourceUrl?: string;
  readonly language?: string;
  readonly siteName?: string;
}

interface MetaDocument {
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
  readonly documentElement: { getAttribute(name: string): string | null } | null;
}

type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/;
const TITLE_SEPARATOR = /\s+[|\u2013\u2014\-·:»]\s+[^|\u2013\u2014\-·:»]{2,60}$/;
const URL_LIKE = /^https?:\/\//i;
const LANGUAGE_CODE = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i;

function attribute(document: MetaDocument, selector: string, name = 'content'): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value || undefined;
}

function firstAttribute(
  document: MetaDocument,
  selectors: readonly string[],
  name = 'content',
): string | undefined {
  for (const selector of selectors) {
    const value = attribute(document, selector, name);
    if (value) return value;
  }
  return undefined;
}

function flattenJsonLd(value: unknown): JsonLdNode[] {
  if (Array.isArray(value)) return value.flatMap(flattenJsonLd);
  if (!value || typeof value !== 'object') return [];
  const node = value as JsonLdNode;
  return [node, ...flattenJsonLd(node['@graph'])];
}

function jsonLdNodes(document: MetaDocument): JsonLdNode[] {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const nodes: JsonLdNode[] = [];
  for (let index = 0; index < scripts.length; index += 1) {
    try {
      nodes.push(...flattenJsonLd(JSON.parse(scripts[index]?.textContent ?? '')));
    } catch {
      // Malformed JSON-LD is common; the meta tags still speak.
    }
  }
  return nodes;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonLdNode).name);
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function languageOf(value: string | undefined): string | undefined {
  return value?.trim().match(LANGUAGE_CODE)?.[1]?.toLowerCase();
}

/** "Headline | Site Name" or "Headline - Site Name" to "Headline". */
function withoutSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) return title;
  return (
    title.replace(` | ${siteName}`, '').replace(` - ${siteName}`, '').replace(` – ${siteName}`, '').trim() ||
    title
  );
}

/** A <title> usually ends with the site's name after a separator; og:title and headline usually do not. */
function cleanDocumentTitle(title: string | undefined, siteName: string | undefined): string | undefined {
  const withoutSite = withoutSiteName(title, siteName);
  return withoutSite?.replace(TITLE_SEPARATOR, '').trim() || withoutSite;
}

export function readHtmlMetadata(document: MetaDocument): HtmlMetadata {
  const article = jsonLdNodes(document).find((node) => ARTICLE_TYPES.test(String(node['@type'] ?? '')));
  const siteName =
    firstAttribute(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
    nameOf(article?.publisher);
  const title = withoutSiteName(
    firstAttribute(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
      stringOf(article?.headline) ??
      cleanDocumentTitle(document.querySelector('title')?.textContent?.trim(), siteName) ??
      document.querySelector('h1')?.textContent?.trim(),
    siteName,
  );
  const author =
    firstAttribute(document, [
      'meta[name="author"]',
      'meta[property="article:author"]',
      'meta[name="byl"]',
    ]) ?? nameOf(article?.author);
  const published =
    firstAttribute(document, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="sailthru.date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.date"]',
    ]) ??
    stringOf(article?.datePublished) ??
    attribute(document, 'time[datetime]', 'datetime');
  const url =
    firstAttribute(document, ['link[rel="canonical"]'], 'href') ??
    attribute(document, 'meta[property="og:url"]');
  const language =
    languageOf(document.documentElement?.getAttribute('lang') ?? undefined) ??
    languageOf(attribute(document, 'meta[http-equiv="content-language"]')) ??
    languageOf(attribute(document, 'meta[property="og:locale"]'));
  const byline = author && !URL_LIKE.test(author) ? author : undefined;
  const publishedAt = parseDate(published);
  const sourceUrl = url && URL_LIKE.test(url) ? url : undefined;
  return {
    ...(title ? { title: title.replace(/\s+/g, ' ') } : {}),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(language ? { language } : {}),
    ...(siteName ? { siteName } : {}),
  };
}
