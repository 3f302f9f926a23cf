/**
 * The article's byline: the people who wrote it, never the publisher. Read from article:author, JSON-LD
 * author (following @id references), a byline element on the page, then meta[name=author]; "By " is
 * stripped, and a candidate that is a URL, a site or publisher name ("Reuters", "Condé Nast"), or a desk
 * ("Editorial", "Staff", "Redaktion") is passed over for the next.
 */
import { type JsonLd, nameOf } from './html-metadata-json-ld.ts';
import { decodeLeftoverEntities } from './leftover-entities.ts';

export interface BylineElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): unknown;
}

export interface BylineDocument {
  querySelector(selector: string): BylineElement | null;
  querySelectorAll(selector: string): ArrayLike<BylineElement>;
}

const META_AUTHOR_FIRST = ['meta[property="article:author"]', 'meta[name="article:author"]'];
const META_AUTHOR_LAST = [
  'meta[name="author"]',
  'meta[name="byl"]',
  'meta[name="parsely-author"]',
  'meta[name="sailthru.author"]',
  'meta[name="dc.creator"]',
  'meta[name="DC.creator"]',
];
/** Elements that hold a byline, most specific first. */
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  'a[rel="author"]',
  '[rel="author"]',
  '.byline a[href*="author"]',
  '[data-testid*="byline"] a',
  '.byline',
  '[class*="byline"]',
  '.author-name',
  '.post-author-name',
  '.entry-author',
  '.author a',
  '[class*="author-name"]',
  '.author',
  '[class*="author"]',
  'address',
];
/** Comments and related-article lists also name authors: not this article's. */
const NOT_THE_ARTICLE =
  '[id*="comment"], [class*="comment"], [class*="related"], [class*="recommend"], aside, footer, nav';
/** "By", "Written by", "Posted on June 3, 2020 by", "Zeige alle Beiträge von", "erstellt von": up to the name. */
const BY_PREFIX = /^(?:[^\n]{0,40}?\s)?(?:by|von|par|por|di|door|av|af)[\s:]+(?=\p{Lu})/u;
const BY_WORD_PREFIX = /^(?:by|von|par|por|di|door|av|af)[\s:]+/iu;
/** "ByMalcolm Harris": "By" glued to the name. */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u;
/** A role, date or credits after a pipe or slash: "Mayer Rus | Photography by …", "SARAH BURGE / STAFF WRITER". */
const AFTER_SEPARATOR = /\s+[|/]\s.*$/u;
/** A timestamp glued to the name: "Pete Cashmore2010-01-01 09:32:17 UTC". */
const GLUED_TIMESTAMP = /\d{4}-\d{2}-\d{2}.*$/u;
/** Script or markup that a byline element held instead of a name. */
const CODE = /[{}<>;=]|\(\)/u;
/**
 * Links, labels, form fields and roles that sit where a name would: "See All Articles", "Subscribe to RSS",
 * "Submitted on Mon", "Name(required) Email(required)", "CH Contributor", "National Desk", "Political Commentator".
 */
const NOT_A_NAME =
  /\b(?:articles|posts|stories|contributors?|correspondents?|desk|staff|staff\s+writer|writers?|editor|photography|rss|commentators?|columnists?|reporters?|analysts?|critics?|bloggers?|producers?|photographers?)$|^(?:bio|see|view|more|all|author|authors|submitted|posted|published|updated|subscribe|send|follow|share|contact|read)\b|\b(?:e-?mail|comments?|required)\b/iu;
/** "Text:", "Author:", "Auteur :", "Autorin:" before the name. */
const LABEL =
  /^(?:text|author|authors|autor|autorin|autoren|auteur|auteurs|autore|reporter|words|written|posted)\s*:\s*/iu;
/** A date, a handle or a "published" note after the name. */
const TRAILING_NOISE =
  /\s*(?:(?:[|•·,;:–—-]\s*)?(?:(?:am|on|le|el|il|op|den)\s+)?\d{1,2}(?:\.|st|nd|rd|th)?\s*(?:[./]\d{1,2}[./]\d{2,4}|\s+\p{L}+\.?\s+\d{4}).*|\s+(?:am|on|le)\s+\p{L}+\s+\d{1,2}.*|\s*[|•·–—-]\s*(?:updated|published|veröffentlicht|aktualisiert|publié|mis à jour).*|\s+@\w+.*|\s+(?:updated|published|veröffentlicht)\b.*)$/iu;
const URL_LIKE = /^https?:\/\/|^www\.|\.(?:com|org|net)\b/iu;
/** Desks and roles that are no one's name. */
const DESKS =
  /^(?:no\s+author|unknown|.*\beditorial|(?:the\s+)?(?:editorial(?:\s+(?:staff|team|board|desk))?|editors?|staff(?:\s+(?:writer|reporter|report))?|news\s*desk|newsroom|(?:die\s+)?redaktion\b.*|red\.|admin(?:istrator)?|super\s*user|webmaster|guest|anonymous|team|the\s+editors))$/iu;
/** Publishers and wires that sign articles but are not bylines. */
const PUBLISHERS = new Set(
  [
    'reuters',
    'thomson reuters',
    'associated press',
    'the associated press',
    'ap',
    'afp',
    'agence france-presse',
    'agence france presse',
    'bloomberg',
    'bloomberg news',
    'condé nast',
    'conde nast',
    'dpa',
    'pa',
    'press association',
    'pa media',
    'yonhap',
    'xinhua',
    'kyodo',
    'ani',
    'pti',
    'ians',
    'cnn',
    'bbc',
    'bbc news',
    'npr',
  ].map((name) => name.normalize('NFC')),
);
/** A company's legal form or a media group ends its name: "NATURSTROM AG", "Wirtualna Polska Media". */
const COMPANY =
  /\b(?:ag|gmbh|se|kg|inc|ltd|llc|plc|corp|corporation|co|s\.?a|s\.?l|s\.?p\.?a|b\.?v|n\.?v|media|group|gruppe|verlag|press|publishing|news|wire|e\.\s?v)\.?$/iu;
const MAX_BYLINE_CHARS = 100;
const MAX_BYLINE_WORDS = 12;
const LETTER = /\p{L}/u;

function clean(value: string | null | undefined): string | undefined {
  const text = (value === null || value === undefined ? undefined : decodeLeftoverEntities(value))
    ?.replace(/\s+/gu, ' ')
    .trim()
    .replace(AFTER_SEPARATOR, '')
    .replace(GLUED_TIMESTAMP, '')
    .replace(LABEL, '')
    .replace(GLUED_BY, '')
    .replace(BY_WORD_PREFIX, '')
    .replace(BY_PREFIX, '')
    .replace(TRAILING_NOISE, '')
    .trim();
  return text?.replace(/^[,;:|–—-]+|[,;:|–—-]+$/gu, '').trim() || undefined;
}

function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/** "Deutsche Wirtschafts Nachrichten" and "deutsche-wirtschafts-nachrichten" are one name. */
function compact(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Site and publisher names for this page: og:site_name, JSON-LD publisher, the host's name. */
export function publisherNames(
  siteName: string | undefined,
  jsonLd: JsonLd,
  url: string | undefined,
): string[] {
  const names = [siteName, nameOf(jsonLd.resolve(jsonLd.article?.publisher))];
  try {
    const host = url ? new URL(url).hostname.replace(/^www\./u, '') : undefined;
    if (host) names.push(host, host.split('.').slice(0, -1).join('.'));
  } catch {
    // Not a URL: no host to compare with.
  }
  return names.filter((name): name is string => name !== undefined && name.trim() !== '').map(fold);
}

/** A site name of two words or more, or a host: found inside a candidate, the candidate is the site's. */
function isDistinctive(name: string): boolean {
  return name.includes(' ') || name.includes('.');
}

/** A cleaned candidate that names people, or undefined. */
/** "Dana Ford and Tom Watkins, CNN": the outlet after the names is not one of them. */
function withoutTrailingPublisher(
  text: string | undefined,
  publishers: readonly string[],
): string | undefined {
  const comma = text?.lastIndexOf(',') ?? -1;
  if (text === undefined || comma < 0) return text;
  const tail = fold(text.slice(comma + 1));
  return PUBLISHERS.has(tail) || publishers.includes(tail) ? text.slice(0, comma).trim() : text;
}

function asByline(value: string | null | undefined, publishers: readonly string[]): string | undefined {
  const text = withoutTrailingPublisher(clean(value), publishers);
  if (text === undefined || !LETTER.test(text) || URL_LIKE.test(text) || text.startsWith('@'))
    return undefined;
  // A digit is a date, a time or a count, never part of a name; code is a script the element held.
  if (/\d/u.test(text) || CODE.test(text) || NOT_A_NAME.test(text)) return undefined;
  if (text.length > MAX_BYLINE_CHARS || text.split(/\s+/u).length > MAX_BYLINE_WORDS) return undefined;
  const folded = fold(text);
  if (DESKS.test(text) || PUBLISHERS.has(folded) || COMPANY.test(text)) return undefined;
  const isSite = (name: string) =>
    folded === name ||
    (isDistinctive(name) && folded.includes(name)) ||
    (!folded.includes(' ') && name.split(' ').includes(folded)) ||
    compact(folded) === compact(name);
  if (publishers.some(isSite)) return undefined;
  return text;
}

/** A byline a sender gave (a JSON export's `author`), cleaned and checked like a page's. */
export function bylineOf(value: string | undefined, publishers: readonly string[] = []): string | undefined {
  return asByline(value, publishers.map(fold));
}

function fromMeta(document: BylineDocument, selectors: readonly string[], publishers: readonly string[]) {
  for (const selector of selectors) {
    const byline = asByline(document.querySelector(selector)?.getAttribute('content'), publishers);
    if (byline) return byline;
  }
  return undefined;
}

function fromElements(document: BylineDocument, publishers: readonly string[]): string | undefined {
  for (const selector of BYLINE_SELECTORS) {
    const elements = document.querySelectorAll(selector);
    for (let index = 0; index < elements.length; index += 1) {
      const element = elements[index] as BylineElement;
      if (element.closest(NOT_THE_ARTICLE)) continue;
      const byline = asByline(element.getAttribute('content') ?? element.textContent, publishers);
      if (byline) return byline;
    }
  }
  return undefined;
}

export function readByline(
  document: BylineDocument,
  jsonLd: JsonLd,
  publishers: readonly string[],
): string | undefined {
  const author = nameOf(jsonLd.resolve(jsonLd.article?.author), { people: true });
  return (
    fromMeta(document, META_AUTHOR_FIRST, publishers) ??
    asByline(author, publishers) ??
    fromElements(document, publishers) ??
    fromMeta(document, META_AUTHOR_LAST, publishers)
  );
}
