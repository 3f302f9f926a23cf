import type { parseHTML } from 'linkedom';
import { type DomNode, domShape, type HtmlBlock, htmlBlocks, htmlBlocksWithLinks } from './html-blocks.ts';
import { refuseDeepHtml } from './html-depth.ts';
import { htmlLibraries } from './html-libraries.ts';
import { type HtmlMetadata, readHtmlMetadata } from './html-metadata.ts';
import { findProseContainer, type ProseNode, proseLength } from './prose-container.ts';

export interface HtmlArticle {
  readonly paragraphs: readonly string[];
  /** Texts the page marks up as figure captions; the caption rule removes them from the article. */
  readonly captions: readonly string[];
  /** Short paragraphs that are nothing but links (teasers of other articles); the link-block rule removes them. */
  readonly linkBlocks: readonly string[];
  /** Captions and credits set inside a paragraph of running text, taken out of it before extraction. */
  readonly inlineCaptions: readonly string[];
  /**
   * The standfirst (dek) above the story: a first paragraph, set apart as a dek, that repeats the page's
   * description. It stays in
   * the paragraphs (it is the publisher's text); the summariser leaves it out, as it is not the story's body.
   */
  readonly standfirst?: string;
  /**
   * Texts the page sets beside its prose: the social posts it embeds (a tweet's `<blockquote
   * class="twitter-tweet">`) and paragraphs that repeat a picture's alt text (a caption in a plain table cell).
   * They stay in the paragraphs (the page quotes the posts; a repeated alt text may be more than a caption), but the
   * summariser leaves them out.
   */
  readonly asides: readonly string[];
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
  'title',
  'xmp',
  'noembed',
  'noframes',
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
  /^(?:[a-z0-9]+[-_]{1,2})?(?:share|sharing|sharebar|social|socials|related|recommended|recommendations|comments?|newsletter|subscribe|subscription|signup|cookies?|cookiebar|consent|gdpr|advert|advertisement|ads?|adslot|promo|sponsored|breadcrumbs?|sidebar|outbrain|taboola|popup|modal|tags|taglist|tag-list|author-bio|authorbox|further-reading|read-more|readmore|more-stories|most-popular|trending|footer|navigation|navbar|nav|menu|author|authors|author-info|about-author|about-the-author|bio|autor|autoren|autorenbox|skip-link|visually-hidden|sr-only|print-only)(?:[-_]{1,2}(?:box|block|wrapper|wrap|container|list|links|section|area|widget|bar|buttons|button|icons|tools|bottom|top|module|items|item|posts|articles|stories|title|heading|label|links))?$/i;
/** Prefixes that negate or merely describe the layout: "no-share", "has-sidebar", "with-comments". */
const LAYOUT_PREFIX =
  /^(?:no|has|with|without|is|show|hide|enable|disable|content|main|article|post|entry)[-_]/i;
const CONTENT_CONTAINER = /^(?:BODY|HTML|MAIN|ARTICLE)$/;
/** An element holding this share of the page's paragraph text is the content, whatever it is called. */
const MAX_PRUNED_TEXT_SHARE = 0.3;
const CAPTION_SELECTOR =
  'figcaption, .wp-caption-text, .caption, .image-caption, .img-caption, .photo-caption, .media-caption, [itemprop="caption"]';
/** A credit printed beside a picture: "source", "photo-credit", "image_copyright". */
const CREDIT_TOKEN = /^(?:[a-z0-9]+[-_])?(?:credits?|source|copyright|photographer)$/i;
/** Embedded social posts, as the platforms' embed codes mark them up before their scripts run. */
const EMBED_SELECTOR = [
  'blockquote.twitter-tweet',
  'blockquote.twitter-video',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  'blockquote.bluesky-embed',
  'blockquote.reddit-embed-bq',
  '.fb-post',
  '.fb-video',
].join(',');
/** Words an image's alt text needs before a paragraph that repeats it counts as an aside. */
const MIN_ALT_WORDS = 3;
/** The page's own summary, which its standfirst repeats. */
const DESCRIPTION_SELECTOR =
  'meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]';
/**
 * Elements a page sets its standfirst in (`<p class="dek">`, `.standfirst`, `.article-subtitle`). A description
 * repeated by the story's own first paragraph (CNN copies its lede into the description) is no standfirst.
 */
const DEK_SELECTOR =
  '[class*="dek"], [class*="standfirst"], [class*="subtitle"], [class*="subhead"], [class*="summary"], [class*="excerpt"], [class*="strapline"], [class*="intro"]';
/** Where a standfirst can sit, and how much text must follow it for it to be a standfirst and not the story. */
const STANDFIRST_PARAGRAPHS = 2;
const STANDFIRST_MAX_WORDS = 50;
const MIN_PARAGRAPHS_AFTER_STANDFIRST = 3;
const FOLD = /[\s\p{P}]+/gu;
/** Our prose container replaces Readability's pick only when it holds clearly more running text. */
const PROSE_PREFERENCE = 2.2;

type HtmlDocument = ReturnType<typeof parseHTML>['document'];
type HtmlElement = ReturnType<HtmlDocument['querySelector']> & {};
const DOCUMENT_TYPE_NODE = 10;

/** Words that mark boilerplate anywhere inside a compound token ("sp-dsgvo-category-container"). */
const BOILERPLATE_PART = new Set([
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'dsgvo',
  'cmp',
  'outbrain',
  'taboola',
  'newsletter',
  'sharing',
  'share',
  'social',
  'related',
  'comments',
  'comment',
  'advert',
  'advertisement',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'disqus',
  'sharedaddy',
  'jp-relatedposts',
]);
const TOKEN_PARTS = /[-_]+/;

function isBoilerplateToken(token: string): boolean {
  if (LAYOUT_PREFIX.test(token)) return false;
  return (
    BOILERPLATE_TOKEN.test(token) ||
    token
      .toLowerCase()
      .split(TOKEN_PARTS)
      .some((part) => BOILERPLATE_PART.has(part))
  );
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

function pruneBoilerplate(document: HtmlDocument): void {
  for (const element of document.querySelectorAll(NON_CONTENT_SELECTOR)) element.remove();
  const pageText = paragraphTextLength(document);
  for (const element of document.querySelectorAll('[class],[id]')) {
    if (!element.isConnected || !hasBoilerplateName(element)) continue;
    if (paragraphTextLength(element) > pageText * MAX_PRUNED_TEXT_SHARE) continue;
    element.remove();
  }
}

/**
 * Readability recurses over the DOM, and re-parses the page with a call that spreads its children as
 * arguments (linkedom's replaceChildren(...nodes)); past these limits it could overflow the stack, so our
 * prose finder works alone.
 */
const MAX_READABILITY_DEPTH = 400;
const MAX_READABILITY_WIDTH = 10_000;

function readabilityBlocks(document: HtmlDocument): HtmlBlock[] {
  const { depth, width } = domShape(document.documentElement as unknown as DomNode);
  if (depth > MAX_READABILITY_DEPTH || width > MAX_READABILITY_WIDTH) return [];
  const { Readability } = htmlLibraries();
  const article = new Readability<DomNode>(document as never, {
    serializer: (node) => node as unknown as DomNode,
  }).parse();
  return article?.content ? htmlBlocksWithLinks(article.content) : [];
}

const LINK_BLOCK_MIN_SHARE = 0.9;
const LINK_BLOCK_MAX_WORDS = 20;

/** Headings and table cells are often links to the page itself or to its data; they stay. */
const LINK_BLOCK_KEEP_TAGS = /^(?:H[1-6]|TD|TH|DT|DD)$/;
/** When captions hold this share of the article's text, the page is a gallery and its captions are the text. */
const GALLERY_CAPTION_SHARE = 0.3;

function isLinkBlock(block: HtmlBlock): boolean {
  return (
    block.linkShare >= LINK_BLOCK_MIN_SHARE &&
    block.text.split(' ').length <= LINK_BLOCK_MAX_WORDS &&
    !LINK_BLOCK_KEEP_TAGS.test(block.tag)
  );
}

function textLength(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + text.length, 0);
}

/** Figure captions found in the article, unless they are so much of it that the page is a gallery. */
function articleCaptions(captions: readonly string[], paragraphs: readonly string[]): string[] {
  const inArticle = new Set(paragraphs);
  const found = captions.filter((caption) => inArticle.has(caption));
  return textLength(found) > textLength(paragraphs) * GALLERY_CAPTION_SHARE ? [] : found;
}

/**
 * Parses a page, or a fragment of one, into a document whose content sits in its <body>, the shape Readability
 * assumes (it walks up from a candidate until it meets BODY). linkedom makes the first element of a fragment
 * the document element and leaves its siblings outside it ("<p>One</p><p>Two</p>" would lose "Two"; text
 * alone has no element at all), so a document without an <html> root gets one around everything it holds;
 * and content written outside <body> (or with no <body> tag) is moved into the body.
 */
function parsePage(html: string): HtmlDocument {
  refuseDeepHtml(html);
  const { document } = htmlLibraries().parseHTML(html);
  if (document.documentElement?.nodeName.toUpperCase() !== 'HTML') {
    const root = document.createElement('html');
    for (const node of [...document.childNodes]) {
      if (node.nodeType !== DOCUMENT_TYPE_NODE) root.appendChild(node);
    }
    document.appendChild(root);
  }
  gatherIntoBody(document);
  return document;
}

/** Moves every child of <html> but <head> into <body> (one loop per node: a page may have 100,000 of them). */
function gatherIntoBody(document: HtmlDocument): void {
  const root = document.documentElement;
  const children = [...root.childNodes];
  const bodyAt = children.findIndex((child) => child.nodeName.toUpperCase() === 'BODY');
  const body = children[bodyAt] ?? root.appendChild(document.createElement('body'));
  const firstInBody = body.firstChild;
  children.forEach((child, index) => {
    if (index === bodyAt || child.nodeName.toUpperCase() === 'HEAD') return;
    if (bodyAt !== -1 && index < bodyAt) body.insertBefore(child, firstInBody);
    else body.appendChild(child);
  });
}

function isCreditElement(element: HtmlElement | null): element is HtmlElement {
  const classes: string = element?.getAttribute('class') ?? '';
  return classes.split(/\s+/).some((token) => CREDIT_TOKEN.test(token));
}

/**
 * Captions (and the credits beside them) that a page sets inside a paragraph, as inline elements around a
 * picture: left in, they run into the text ("Jane Doe/REUTERSA jet fighter drops flares…The UK may…").
 * Returns their texts; captions that are blocks of their own are left to the caption rule.
 */
function takeInlineCaptions(document: HtmlDocument): string[] {
  const taken: string[] = [];
  for (const caption of document.querySelectorAll(CAPTION_SELECTOR)) {
    if (!caption.isConnected || caption.closest('p') === null) continue;
    for (const sibling of [caption.previousElementSibling, caption.nextElementSibling]) {
      if (!isCreditElement(sibling)) continue;
      taken.push(sibling.textContent ?? '');
      sibling.remove();
    }
    taken.push(caption.textContent ?? '');
    caption.remove();
  }
  return taken.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
}

const folded = (text: string) => text.toLowerCase().replace(FOLD, ' ').trim();

/**
 * The pictures' descriptions (alt texts of MIN_ALT_WORDS or more), folded: a paragraph that says the same is most
 * often the picture's caption set in an element no caption selector names (a table cell, a plain div).
 */
function altTextsOf(document: HtmlDocument): Set<string> {
  const alts = new Set<string>();
  for (const image of document.querySelectorAll('img[alt]')) {
    const alt = folded(image.getAttribute('alt') ?? '');
    if (alt.split(' ').length >= MIN_ALT_WORDS) alts.add(alt);
  }
  return alts;
}

/** The page's descriptions that it also sets as a dek above the story. */
function dekDescriptionsOf(document: HtmlDocument): Set<string> {
  const deks = new Set(
    [...document.querySelectorAll(DEK_SELECTOR)].map((element) => folded(element.textContent ?? '')),
  );
  return new Set([...descriptionsOf(document)].filter((description) => deks.has(description)));
}

function descriptionsOf(document: HtmlDocument): Set<string> {
  const descriptions = new Set<string>();
  for (const meta of document.querySelectorAll(DESCRIPTION_SELECTOR)) {
    const content: string = meta.getAttribute('content') ?? '';
    // Some pages escape twice ("travelers&#39; boots"): the entity left in the text is decoded here.
    const text = content.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    if (text.trim() !== '') descriptions.add(folded(text));
  }
  return descriptions;
}

/**
 * The index of the standfirst among the first paragraphs: one that repeats the page's description word for
 * word, is set as a dek, is short, and has the story's paragraphs after it (a description copied from a one-paragraph story
 * is that story).
 */
function standfirstIndex(paragraphs: readonly string[], descriptions: ReadonlySet<string>): number {
  if (paragraphs.length < STANDFIRST_PARAGRAPHS + MIN_PARAGRAPHS_AFTER_STANDFIRST) return -1;
  return paragraphs
    .slice(0, STANDFIRST_PARAGRAPHS)
    .findIndex(
      (paragraph) =>
        paragraph.split(/\s+/).length <= STANDFIRST_MAX_WORDS && descriptions.has(folded(paragraph)),
    );
}

/** Main content and metadata of an HTML page or fragment. */
export function extractHtml(html: string): HtmlArticle {
  const document = parsePage(html);
  const metadata = readHtmlMetadata(document as never);
  const dekDescriptions = dekDescriptionsOf(document);
  const captions = [...document.querySelectorAll(CAPTION_SELECTOR)].flatMap((element) =>
    htmlBlocks(element as unknown as DomNode),
  );
  // An embed inside another (a post quoting a post) is read with the outer one.
  const embeds = [...document.querySelectorAll(EMBED_SELECTOR)]
    .filter((element) => element.parentElement?.closest(EMBED_SELECTOR) == null)
    .flatMap((element) => htmlBlocks(element as unknown as DomNode));
  const alts = altTextsOf(document);
  const inlineCaptions = takeInlineCaptions(document);
  pruneBoilerplate(document);
  const container = findProseContainer(document.documentElement as unknown as ProseNode);
  const prose = container ? htmlBlocksWithLinks(container as unknown as DomNode) : [];
  const readable = readabilityBlocks(document);
  const texts = (blocks: readonly HtmlBlock[]) => blocks.map((block) => block.text);
  const chosen =
    proseLength(texts(prose)) > proseLength(texts(readable)) * PROSE_PREFERENCE ? prose : readable;
  const blocks =
    chosen.length > 0 ? chosen : htmlBlocksWithLinks(document.documentElement as unknown as DomNode);
  const paragraphs = texts(blocks);
  const standfirstAt = standfirstIndex(paragraphs, dekDescriptions);
  const linkBlocks = blocks.filter(isLinkBlock).map((block) => block.text);
  return {
    paragraphs,
    captions: articleCaptions(captions, paragraphs),
    linkBlocks,
    inlineCaptions,
    ...(standfirstAt < 0 ? {} : { standfirst: paragraphs[standfirstAt] }),
    asides: [...embeds, ...paragraphs.filter((paragraph) => alts.has(folded(paragraph)))],
    metadata,
  };
}
