import {
  type BylineDocument,
  type BylineElement,
  publisherNames,
  readByline,
} from './html-metadata-byline.ts';
import { isSiteAsset } from './html-metadata-image.ts';
import { imageOf, type JsonLd, nameOf, readJsonLd, stringOf } from './html-metadata-json-ld.ts';
import { asThePageWritesThem, splitTags, withoutCodeTags } from './html-metadata-tags.ts';
import { cleanTitle } from './html-metadata-title.ts';
import { decodeLeftoverEntities } from './leftover-entities.ts';
import { parseDate } from './parse-date.ts';
import { withoutUnnamedPeople } from './tags-people.ts';

/** Metadata a page declares about itself in meta tags, link tags, JSON-LD and its byline. */
export interface HtmlMetadata {
  readonly title?: string;
  readonly byline?: string;
  readonly publishedAt?: string;
  readonly modifiedAt?: string;
  readonly sourceUrl?: string;
  readonly language?: string;
  /** The region of the declared language ("CA" of `<html lang="en-CA">`): the page's country, when it says it. */
  readonly region?: string;
  readonly siteName?: string;
  readonly image?: string;
  readonly section?: string;
  readonly tags?: readonly string[];
}

interface MetaDocument extends BylineDocument {
  querySelector(selector: string): BylineElement | null;
  querySelectorAll(selector: string): ArrayLike<BylineElement>;
  readonly documentElement: { getAttribute(name: string): string | null } | null;
}

const URL_LIKE = /^https?:\/\//i;
const DOCUMENT_TITLE_TAIL = /\s+[|\u2013\u2014\-·»]\s+[^|\u2013\u2014\-·»]{2,60}$/u;
const LANGUAGE_CODE = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i;
const REGION = /^[a-z]{2,3}(?:[-_][a-z]{4})?[-_]([a-z]{2})(?![a-z0-9])/iu;
const MAX_TAGS = 20;
const MAX_HEADINGS = 5;
const MAX_HEADING_CHARS = 300;
/** Longer values are not a section or an image URL but a hostile page's filler: dropped, never cut. */
const MAX_SECTION_CHARS = 100;
const MAX_URL_CHARS = 2_048;
const MAX_TAG_CHARS = 60;
/** A <title> that opens with a separator: nothing before the site's name. */
const EMPTY_HEADLINE = /^\s*[|\u2013\u2014\-·»:]/u;
/** "By Ann Lee, Tom Hart and Bo Ng" opening a line: the capitalised names after it ("killed by" is prose). */
const CREDIT_LINE = /(?<=^|\n)[ \t]*By\s+(?:\p{Lu}[\p{L}'’.-]*(?:\s*,\s*|\s+and\s+|\s+&\s+|\s+))+/gu;
/** "REUTERS/Ann Lee", "Getty Images/Tom Hart": an agency, a slash and the photographer's name. */
const PHOTO_CREDIT = /\p{L}\/\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;
const IMAGE_SELECTORS = [
  'meta[property="og:image:secure_url"]',
  'meta[property="og:image"]',
  'meta[name="twitter:image"]',
  'meta[name="twitter:image:src"]',
];
/** This many single title words among the tags, and most of them, make the tags the title cut into words. */
const TITLE_WORD_TAGS = 4;

function attribute(document: MetaDocument, selector: string, name = 'content'): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? decodeLeftoverEntities(value) : undefined;
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

function allAttributes(document: MetaDocument, selector: string): string[] {
  const elements = document.querySelectorAll(selector);
  const values: string[] = [];
  for (let index = 0; index < elements.length; index += 1) {
    const value = elements[index]?.getAttribute('content')?.trim();
    if (value) values.push(decodeLeftoverEntities(value));
  }
  return values;
}

function languageOf(value: string | undefined): string | undefined {
  return value?.trim().match(LANGUAGE_CODE)?.[1]?.toLowerCase();
}

/** The region of a language tag: "en-CA" and "en_ca" give CA, "zh-Hant-TW" TW, "en" none. */
export function regionOf(tag: string | undefined): string | undefined {
  return tag ? REGION.exec(tag.trim())?.[1]?.toUpperCase() : undefined;
}

/** An absolute http(s) URL, resolving a relative one against the page's URL. */
export function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Tags as pages list them: article:tag elements, comma-separated keywords, JSON-LD keywords. */
function tagsOf(document: MetaDocument, jsonLd: JsonLd): string[] {
  const keywords = jsonLd.article?.keywords;
  const lists = [
    ...allAttributes(document, 'meta[property="article:tag"]'),
    ...(Array.isArray(keywords) ? keywords.filter((tag) => typeof tag === 'string') : []),
  ];
  const joined =
    lists.length > 0
      ? lists
      : [
          firstAttribute(document, [
            'meta[name="news_keywords"]',
            'meta[name="keywords"]',
            'meta[name="parsely-tags"]',
          ]) ??
            stringOf(keywords) ??
            '',
        ];
  return normaliseTags(joined);
}

/**
 * A <title> that opens with a separator ("| What's Cooking") has no headline before the site's name: no title.
 */
function headlineTitle(text: string | null | undefined): string | undefined {
  return text === null || text === undefined || EMPTY_HEADLINE.test(text) ? undefined : text;
}

/** Words of a title or a name, folded, for comparing tags with them. */
function foldedWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}$.]+/u)
    .filter((word) => word !== '');
}

/**
 * Tags that say nothing of the article's subject: its author's name ("Edward Malnick" among the Telegraph's
 * keywords), and keywords that are only the title cut into words ("jamie", "dimon", "says", …: all are dropped
 * when most tags are single words of the title and most of the title's words are tags; a few picked nouns stay).
 */
function withoutNoiseTags(tags: string[], byline: string | undefined, title: string | undefined): string[] {
  const authors = new Set(
    (byline ?? '')
      .split(/\s*(?:,|&|\band\b)\s*/u)
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
  const kept = tags.filter((tag) => !authors.has(tag.toLowerCase()));
  const titleWords = new Set(foldedWords(title ?? ''));
  const titleWordTags = kept.filter((tag) => !tag.includes(' ') && titleWords.has(tag.toLowerCase())).length;
  const cutTitle =
    titleWordTags >= TITLE_WORD_TAGS &&
    titleWordTags >= kept.length * 0.75 &&
    titleWordTags >= titleWords.size * 0.6;
  return cutTitle ? [] : kept;
}

/** Lists of tags ("a, b; c") to at most 20 distinct tags of at most 60 characters, in order. */
export function normaliseTags(lists: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of lists.flatMap((list) => splitTags(decodeLeftoverEntities(list)))) {
    const trimmed = tag.replace(/\s+/gu, ' ').trim();
    const key = trimmed.toLowerCase();
    if (trimmed !== '' && trimmed.length <= MAX_TAG_CHARS && !seen.has(key)) seen.set(key, trimmed);
  }
  return withoutCodeTags([...seen.values()]).slice(0, MAX_TAGS);
}

/** The page's first few <h1> texts, outside its header and navigation (where the site's name sits). */
function headingsOf(document: MetaDocument): string[] {
  const elements = document.querySelectorAll('h1');
  const headings: string[] = [];
  for (let index = 0; index < elements.length && headings.length < MAX_HEADINGS; index += 1) {
    const element = elements[index] as BylineElement;
    if (element.closest('header nav, nav, [class*="site-title"], [class*="logo"]')) continue;
    const text = element.textContent?.replace(/\s+/gu, ' ').trim();
    if (text && text.length <= MAX_HEADING_CHARS) headings.push(text);
  }
  return headings;
}

export function readHtmlMetadata(document: MetaDocument): HtmlMetadata {
  const jsonLd = readJsonLd(document);
  const { article } = jsonLd;
  const siteName =
    firstAttribute(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
    nameOf(jsonLd.resolve(article?.publisher));
  const url =
    firstAttribute(document, ['link[rel="canonical"]'], 'href') ??
    attribute(document, 'meta[property="og:url"]');
  const sourceUrl = url && URL_LIKE.test(url) ? url : undefined;
  const section =
    firstAttribute(document, ['meta[property="article:section"]', 'meta[name="parsely-section"]']) ??
    stringOf(article?.articleSection);
  const headings = headingsOf(document);
  const hints = {
    siteNames: [siteName, nameOf(jsonLd.resolve(article?.publisher)), hostOf(sourceUrl)].filter(isText),
    ...(section ? { section } : {}),
    headings,
  };
  const title =
    cleanTitle(
      firstAttribute(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
        stringOf(article?.headline),
      hints,
    ) ??
    withoutLastPart(cleanTitle(headlineTitle(document.querySelector('title')?.textContent), hints)) ??
    headings[0];
  const byline = readByline(document, jsonLd, publisherNames(siteName, jsonLd, sourceUrl));
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
  const modified =
    firstAttribute(document, [
      'meta[property="article:modified_time"]',
      'meta[property="og:updated_time"]',
      'meta[itemprop="dateModified"]',
      'meta[name="last-modified"]',
    ]) ?? stringOf(article?.dateModified);
  // The first picture that is no icon, logo or theme asset of the site ("favicon.ico", "logo-opengraph.png").
  const image = [
    ...IMAGE_SELECTORS.map((selector) => attribute(document, selector)),
    imageOf(jsonLd.resolve(article?.image)),
  ]
    .map((candidate) => absoluteUrl(candidate, sourceUrl))
    .find((candidate) => candidate !== undefined && !isSiteAsset(candidate, hostOf(sourceUrl)));
  const declared = document.documentElement?.getAttribute('lang') ?? undefined;
  const contentLanguage = attribute(document, 'meta[http-equiv="content-language"]');
  const language =
    languageOf(declared) ??
    languageOf(contentLanguage) ??
    languageOf(attribute(document, 'meta[property="og:locale"]'));
  // og:locale is left out: many sites keep their software's default "en_US" wherever they are.
  const region = regionOf(declared) ?? regionOf(contentLanguage);
  const publishedAt = parseDate(published);
  const modifiedAt = parseDate(modified);
  let page: string | undefined;
  const pageOf = () => {
    page ??= pageText(document, title);
    return page;
  };
  const tags = asThePageWritesThem(
    withoutUnnamedPeople(withoutNoiseTags(tagsOf(document, jsonLd), byline, title), pageOf),
    pageOf,
  );
  return {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(modifiedAt ? { modifiedAt } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(language ? { language } : {}),
    ...(region ? { region } : {}),
    ...(siteName ? { siteName } : {}),
    ...(image && image.length <= MAX_URL_CHARS ? { image } : {}),
    ...(section && section.trim().length <= MAX_SECTION_CHARS
      ? { section: decodeLeftoverEntities(section.trim()) }
      : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/**
 * What a reader of the page sees of it, for the names among its tags: its title, its body's text and its images'
 * descriptions, without scripts and credits ("By Ann Lee and Tom Hart", "REUTERS/Ann Lee"): a name only credited
 * is staff.
 */
function pageText(document: MetaDocument, title: string | undefined): string {
  const images = document.querySelectorAll('img[alt]');
  const alts: string[] = [];
  for (let index = 0; index < images.length; index += 1) alts.push(images[index]?.getAttribute('alt') ?? '');
  let body = document.querySelector('body')?.textContent ?? '';
  const code = document.querySelectorAll('body script, body style');
  for (let index = 0; index < code.length; index += 1) {
    const script = code[index]?.textContent;
    if (script) body = body.replace(script, ' ');
  }
  return [title ?? '', body, ...alts].join(' ').replace(CREDIT_LINE, ' ').replace(PHOTO_CREDIT, ' ');
}

/** A <title> nearly always ends with the site's name after a separator: "Headline | Site" to "Headline". */
function withoutLastPart(title: string | undefined): string | undefined {
  return title?.replace(DOCUMENT_TITLE_TAIL, '').trim() || title;
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./u, '') : undefined;
  } catch {
    return undefined;
  }
}
