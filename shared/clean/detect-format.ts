export type DocumentFormat = 'html' | 'json' | 'markdown' | 'text';

const BY_MEDIA_TYPE: Readonly<Record<string, DocumentFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/json': 'json',
  'text/json': 'json',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};
const BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};
const EXTENSION = /\.([a-z]+)(?:\.gz)?$/i;
/** Elements only HTML writes: a text that opens with one of their tags, or holds three, is a page or a fragment. */
const HTML_ELEMENTS =
  'p|div|article|section|header|footer|main|aside|nav|body|head|title|meta|link|h[1-6]|br|hr|span|a|ul|ol|li|table|tr|td|th|img|figure|figcaption|blockquote|script|style|noscript|template|iframe';
const HTML_START = new RegExp(`^\\s*(?:<!doctype html|<!--|<(?:html|${HTML_ELEMENTS})[\\s>/])`, 'i');
const HTML_TAGS = new RegExp(`<(?:${HTML_ELEMENTS})[\\s>/]`, 'gi');
const JSON_START = /^\s*\{/;
const MARKDOWN_SIGNS =
  /^(?:#{1,6} \S|[*-] \S|\d+\. \S|> \S|```)|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)|\*\*[^*\n]{1,200}\*\*/gm;
const MIN_MARKDOWN_SIGNS = 3;
const MIN_HTML_TAGS = 3;

function fromMediaType(contentType: string | undefined): DocumentFormat | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType ? BY_MEDIA_TYPE[mediaType] : undefined;
}

function fromExtension(fileName: string | undefined): DocumentFormat | undefined {
  const extension = fileName?.match(EXTENSION)?.[1]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}

/** Sniffs the decoded text; used when neither Content-Type nor extension names a format. */
export function sniffFormat(text: string): DocumentFormat {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head) || (head.match(HTML_TAGS)?.length ?? 0) >= MIN_HTML_TAGS) return 'html';
  if (JSON_START.test(head)) return 'json';
  if ((head.match(MARKDOWN_SIGNS)?.length ?? 0) >= MIN_MARKDOWN_SIGNS) return 'markdown';
  return 'text';
}

/**
 * The format of a document: an explicit Content-Type wins, then the file extension, then sniffing.
 * A generic Content-Type (text/plain, application/octet-stream) or a .txt name still lets clear HTML or JSON
 * content speak for itself, since scrapers often save pages with the wrong type.
 */
export function detectFormat(text: string, contentType?: string, fileName?: string): DocumentFormat {
  const declared = fromMediaType(contentType) ?? fromExtension(fileName);
  if (declared && declared !== 'text') return declared;
  const sniffed = sniffFormat(text);
  return sniffed === 'markdown' && declared === 'text' ? 'text' : sniffed;
}
