import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type DomNode, htmlBlocks } from './html-blocks.ts';
import { type HtmlMetadata, readHtmlMetadata } from './html-metadata.ts';
import { findProseContainer, type ProseNode, proseLength } from './prose-container.ts';

export interface HtmlArticle {
  readonly paragraphs: readonly string[];
  /** Texts the page marks up as figure captions; the caption rule removes them from the article. */
  readonly captions: readonly string[];
  readonly metadata: HtmlMetadata;
}

/** Elements that never hold article text. */
const NON_CONTENT_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'menu',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
].join(',');
/**
 * A class or id token naming a boilerplate block: sharing, related links, comments, sign-up and cookie prompts,
 * ads, sidebars, navigation. Whole tokens only ("share-tools", "post-sidebar"), never substrings.
 */
const BOILERPLATE_TOKEN =
  /^(?:[a-z0-9]+[-_]{1,2})?(?:share|sharing|sharebar|social|socials|related|recommended|recommendations|comments?|newsletter|subscribe|subscription|signup|cookies?|cookiebar|consent|gdpr|advert|advertisement|ads?|adslot|promo|sponsored|breadcrumbs?|sidebar|outbrain|taboola|popup|modal|tags|taglist|tag-list|author-bio|authorbox|further-reading|read-more|readmore|more-stories|most-popular|trending|footer|navigation|navbar|nav|menu|skip-link|visually-hidden|sr-only|print-only)(?:[-_]{1,2}(?:box|block|wrapper|wrap|container|list|links|section|area|widget|bar|buttons|button|icons|tools|bottom|top|module|items|item|posts|articles|stories|title|heading|label|links))?$/i;
/** Prefixes that negate or merely describe the layout: "no-share", "has-sidebar", "with-comments". */
const LAYOUT_PREFIX =
  /^(?:no|has|with|without|is|show|hide|enable|disable|content|main|article|post|entry)[-_]/i;
const CONTENT_CONTAINER = /^(?:BODY|HTML|MAIN|ARTICLE)$/;
/** An element holding this share of the page's paragraph text is the content, whatever it is called. */
const MAX_PRUNED_TEXT_SHARE = 0.3;
const CAPTION_SELECTOR =
  'figcaption, .wp-caption-text, .caption, .image-caption, .img-caption, .photo-caption, .media-caption, [itemprop="caption"]';
/** Our prose container replaces Readability's pick only when it holds clearly more running text. */
const PROSE_PREFERENCE = 2;

type HtmlDocument = ReturnType<typeof parseHTML>['document'];
type HtmlElement = ReturnType<HtmlDocument['querySelector']> & {};

function isBoilerplateToken(token: string): boolean {
  return BOILERPLATE_TOKEN.test(token) && !LAYOUT_PREFIX.test(token);
}

function hasBoilerplateName(element: HtmlElement): boolean {
  if (CONTENT_CONTAINER.test(element.tagName.toUpperCase())) return false;
  const tokens = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  return tokens.some(isBoilerplateToken);
}

function paragraphTextLength(root: HtmlElement | HtmlDocument): number {
  let length = 0;
  for (const paragraph of root.querySelectorAll('p')) length += paragraph.textContent?.length ?? 0;
  return length;
}

export function pruneBoilerplate(document: HtmlDocument): void {
  for (const element of document.querySelectorAll(NON_CONTENT_SELECTOR)) element.remove();
  const pageText = paragraphTextLength(document);
  for (const element of document.querySelectorAll('[class],[id]')) {
    if (!element.isConnected || !hasBoilerplateName(element)) continue;
    if (paragraphTextLength(element) > pageText * MAX_PRUNED_TEXT_SHARE) continue;
    element.remove();
  }
}

function readabilityBlocks(document: HtmlDocument): string[] {
  const article = new Readability<DomNode>(document as never, {
    serializer: (node) => node as unknown as DomNode,
  }).parse();
  return article?.content ? htmlBlocks(article.content) : [];
}

/** Main content and metadata of an HTML page. */
export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const metadata = readHtmlMetadata(document as never);
  const captions = [...document.querySelectorAll(CAPTION_SELECTOR)].flatMap((element) =>
    htmlBlocks(element as unknown as DomNode),
  );
  pruneBoilerplate(document);
  const container = findProseContainer(document.documentElement as unknown as ProseNode);
  const prose = container ? htmlBlocks(container as unknown as DomNode) : [];
  const readable = readabilityBlocks(document);
  const paragraphs = proseLength(prose) > proseLength(readable) * PROSE_PREFERENCE ? prose : readable;
  return { paragraphs, captions, metadata };
}
