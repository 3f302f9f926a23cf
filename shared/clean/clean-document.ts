import { DEFAULT_MAX_INPUT_BYTES } from '../config.ts';
import { InputError } from '../errors.ts';
import type { Removal } from '../result.ts';
import { decodeText } from './decode-text.ts';
import { decompress } from './decompress.ts';
import { detectFormat } from './detect-format.ts';
import { detectLanguage, type LanguageSource } from './detect-language.ts';
import { extractHtml } from './extract-html.ts';
import { absoluteUrl, type HtmlMetadata, normaliseTags, regionOf } from './html-metadata.ts';
import { bylineOf } from './html-metadata-byline.ts';
import { modifiedSincePublished } from './modified-date.ts';
import { normaliseText } from './normalise-text.ts';
import { parseDate } from './parse-date.ts';
import { parseJsonArticle } from './parse-json.ts';
import { readingTime } from './reading-time.ts';
import { refuseBinary } from './refuse-binary.ts';
import { removeCaptionsAndCredits } from './rules-captions.ts';
import {
  removeAdShortcodes,
  removeBareUrls,
  removeBylines,
  removePublishedLines,
  removeScrollDown,
} from './rules-inline.ts';
import { removeScriptBlocks } from './rules-script.ts';
import {
  findDateline,
  joinDatelineToLead,
  looksLikeTitle,
  removeDuplicates,
  sameTitle,
} from './rules-structure.ts';
import { removeLinkBlocks, removeTails } from './rules-tails.ts';
import { joinLines, splitParagraphs } from './split-paragraphs.ts';
import { stripMarkdown } from './strip-markdown.ts';
import { foldWhitespace, type Paragraphs, type PublishedAtSource, type TextContext } from './text-context.ts';
import { urlDate } from './url-date.ts';

export type { PublishedAtSource } from './text-context.ts';

/** What arrived: raw bytes plus whatever the transport told us about them. */
export interface RawDocument {
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  /** Object key or file name; its extension is a format hint. */
  readonly fileName?: string;
  /** The article's URL when the caller knows it (JSONL `url`). */
  readonly url?: string;
  /** A language declared by the sender (a Content-Language header, JSONL `language`): it wins over detection. */
  readonly language?: string;
  /** Largest input accepted, counted after decompression. @default DEFAULT_MAX_INPUT_BYTES (5 MiB) */
  readonly maxBytes?: number;
}

/** The article after cleaning, with the metadata found on the way and an audit of what was removed. */
export interface CleanedDocument {
  readonly text: string;
  readonly title?: string;
  readonly sourceUrl?: string;
  /** ISO 639-1: declared, detected on the prose, or English assumed when detection cannot tell. */
  readonly language: string;
  /** 1 when declared; the detector's lead when detected; 0 when assumed. */
  readonly languageConfidence: number;
  readonly languageSource: LanguageSource;
  /** The region of the declared language ("CA" of en-CA): for the facts (what "$" means), not in the Result. */
  readonly region?: string;
  readonly publishedAt?: string;
  /** Where publishedAt came from: page metadata, a byline/PUBLISHED line, or the date of a removed caption. */
  readonly publishedAtSource?: PublishedAtSource;
  readonly byline?: string;
  readonly siteName?: string;
  readonly dateline?: string;
  /**
   * The standfirst (dek) as it stands in `text`, when the page repeats its description above the story: the
   * publisher's own summary, kept in the text but not a source for precis's summary or headline.
   */
  readonly standfirst?: string;
  /**
   * Paragraphs of a page that stand in `text` but are not the article's prose, so not a source for the summary
   * or the headline: the social posts it embeds (tweets), paragraphs that repeat a picture's alt text (its
   * caption) and its footnotes (`* Does not include …`).
   */
  readonly asides?: readonly string[];
  /** `text` opens with the title line (a text file's headline): it is in the text, not a summary sentence. */
  readonly titleLeads?: true;
  readonly modifiedAt?: string;
  readonly image?: string;
  readonly section?: string;
  readonly tags?: readonly string[];
  readonly wordCount: number;
  readonly readingMinutes: number;
  readonly removed: readonly Removal[];
}

/** The article's paragraphs before the text rules, with what the container told us about it. */
interface SourceDocument {
  readonly paragraphs: Paragraphs;
  readonly captions?: readonly string[];
  readonly linkBlocks?: readonly string[];
  readonly metadata: HtmlMetadata;
  /** Plain text and Markdown: the first line may be the headline. */
  readonly titleMayLead: boolean;
  /** A paragraph that repeats the page's description: the standfirst (dek), kept in the text. */
  readonly standfirst?: string;
  /** Embedded social posts and footnotes, kept in the text. */
  readonly asides?: readonly string[];
  /** What was removed before the text rules ran (script and style blocks in text). */
  readonly removed?: readonly Removal[];
}

/** Line rules see paragraphs before their lines are joined; paragraph rules see joined paragraphs. */
const LINE_RULES = [
  removeAdShortcodes,
  removeBareUrls,
  removePublishedLines,
  removeBylines,
  removeScrollDown,
];
const PARAGRAPH_RULES = [
  removeLinkBlocks,
  removeCaptionsAndCredits,
  removeTails,
  removeDuplicates,
  joinDatelineToLead,
  findDateline,
];

function fromText(text: string, metadata: HtmlMetadata = {}): SourceDocument {
  const withoutScripts = removeScriptBlocks(text);
  return {
    paragraphs: splitParagraphs(normaliseText(withoutScripts.text)),
    metadata,
    titleMayLead: metadata.title === undefined,
    removed: withoutScripts.removed,
  };
}

/** A paragraph that opens on a footnote mark: `* Accidents refers to …`, `** Includes …`, `† Died in 1990.` */
const FOOTNOTE = /^(?:\*{1,3}|[\u2020\u2021])\s?\p{L}/u;

/** The page's asides (embedded posts, repeated alt texts) and its footnotes, as they stand in the text. */
function asidesOf(pageAsides: readonly string[], paragraphs: readonly string[]): { asides?: string[] } {
  const asides = [...pageAsides, ...paragraphs.filter((paragraph) => FOOTNOTE.test(paragraph))].map(
    normaliseText,
  );
  return asides.length === 0 ? {} : { asides };
}

function fromHtml(html: string, overrides: HtmlMetadata = {}): SourceDocument {
  const { paragraphs, captions, linkBlocks, inlineCaptions, standfirst, asides, metadata } =
    extractHtml(html);
  const removed = inlineCaptions.map((text) => ({ rule: 'photo-caption', text: normaliseText(text) }));
  return {
    paragraphs: paragraphs.map(normaliseText),
    captions: captions.map(normaliseText),
    linkBlocks: linkBlocks.map(normaliseText),
    metadata: { ...metadata, ...overrides },
    titleMayLead: false,
    removed,
    ...(standfirst === undefined ? {} : { standfirst: normaliseText(standfirst) }),
    ...asidesOf(asides, paragraphs),
  };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function fromJson(json: string): SourceDocument {
  const article = parseJsonArticle(json);
  const tags = normaliseTags(article.tags ?? []);
  const metadata = definedOnly({
    title: article.title?.trim(),
    sourceUrl: article.url,
    publishedAt: parseDate(article.publishedAt),
    modifiedAt: parseDate(article.modifiedAt),
    byline: bylineOf(article.author, article.siteName === undefined ? [] : [article.siteName]),
    siteName: article.siteName?.trim(),
    language: article.language,
    region: regionOf(article.language),
    image: absoluteUrl(article.image, article.url),
    section: article.section?.trim(),
    tags: tags.length > 0 ? tags : undefined,
  });
  return article.text === undefined
    ? fromHtml(article.html ?? '', metadata)
    : fromText(article.text, metadata);
}

function fromMarkdown(markdown: string): SourceDocument {
  // Before the Markdown syntax goes: stripping would drop the tags and leave the code.
  const withoutScripts = removeScriptBlocks(markdown);
  const { text, title } = stripMarkdown(withoutScripts.text);
  return {
    ...fromText(text, title ? { title: normaliseText(title).trim() } : {}),
    removed: withoutScripts.removed,
  };
}

function readSource(decoded: string, raw: RawDocument): SourceDocument {
  const fileName = raw.fileName?.replace(/\.gz$/i, '');
  switch (detectFormat(decoded, raw.contentType, fileName)) {
    case 'html':
      return fromHtml(decoded);
    case 'json':
      return fromJson(decoded);
    case 'markdown':
      return fromMarkdown(decoded);
    case 'text':
      return fromText(decoded);
  }
}

/**
 * Takes the headline off the top: a leading title line of a text file (`leads`: it opens `text` again after
 * the text rules, so its names, dates and numbers are facts of the article), or a repeat of the known title.
 */
function splitTitle(source: SourceDocument): { title?: string; leads?: true; paragraphs: Paragraphs } {
  const [first, ...rest] = source.paragraphs;
  const known = source.metadata.title;
  if (first !== undefined && known !== undefined && sameTitle(joinLines(first), known)) {
    return { title: known, paragraphs: rest };
  }
  if (first !== undefined && source.titleMayLead && rest.length > 0 && looksLikeTitle(first)) {
    return { title: first.trim(), leads: true, paragraphs: rest };
  }
  return { ...(known ? { title: known } : {}), paragraphs: source.paragraphs };
}

/**
 * The publication date, from the best source there is: the page's metadata, a byline or PUBLISHED line, the day
 * the article's address files it under (`/2015/04/03/`), then the date of a removed photo caption (a photo may be
 * older than the story).
 */
function publishedOf(metadata: HtmlMetadata, context: TextContext, url: string | undefined) {
  if (metadata.publishedAt)
    return { publishedAt: metadata.publishedAt, publishedAtSource: 'metadata' as const };
  if (context.publishedAt)
    return { publishedAt: context.publishedAt, publishedAtSource: context.publishedAtSource };
  const fromUrl = url === undefined ? undefined : urlDate(url);
  if (fromUrl) return { publishedAt: fromUrl, publishedAtSource: 'url' as const };
  if (context.captionDate) return { publishedAt: context.captionDate, publishedAtSource: 'caption' as const };
  return {};
}

/** Bytes of any supported format to the article's clean text, its metadata and the audit of removals. */
export function cleanDocument(raw: RawDocument): CleanedDocument {
  const bytes = decompress(raw.bytes, raw.maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
  refuseBinary(bytes);
  const source = readSource(decodeText(bytes, raw.contentType).text, raw);
  const { title: rawTitle, leads, paragraphs } = splitTitle(source);
  const title = rawTitle === undefined ? undefined : foldWhitespace(normaliseText(rawTitle));
  const context: TextContext = {
    removed: [...(source.removed ?? [])],
    knownCaptions: new Set(source.captions?.map(foldWhitespace)),
    linkBlocks: new Set(source.linkBlocks?.map(foldWhitespace)),
  };
  const lined = LINE_RULES.reduce<Paragraphs>((current, rule) => rule(current, context), paragraphs);
  const joined = lined.map(joinLines).filter((paragraph) => paragraph !== '');
  const cleaned = PARAGRAPH_RULES.reduce<Paragraphs>((current, rule) => rule(current, context), joined);
  const body = cleaned.join('\n\n');
  if (body.trim() === '') throw new InputError('EMPTY', 'No text left after cleaning');
  const text = leads && title ? `${title}\n\n${body}` : body;
  const { metadata } = source;
  const language = detectLanguage(body, raw.language ?? metadata.language);
  const sourceUrl = raw.url ?? metadata.sourceUrl ?? context.sourceUrl;
  const published = publishedOf(metadata, context, sourceUrl);
  return definedOnly({
    text,
    title,
    titleLeads: leads && title ? true : undefined,
    sourceUrl,
    language: language.language,
    languageConfidence: language.confidence,
    languageSource: language.source,
    region: regionOf(raw.language) ?? metadata.region,
    ...published,
    byline: metadata.byline ?? context.byline,
    siteName: metadata.siteName,
    dateline: context.dateline,
    standfirst: source.standfirst === undefined ? undefined : foldWhitespace(source.standfirst),
    asides: source.asides,
    modifiedAt: modifiedSincePublished(metadata.modifiedAt, published.publishedAt),
    image: metadata.image,
    section: metadata.section,
    tags: metadata.tags,
    ...readingTime(text),
    removed: context.removed,
  });
}
