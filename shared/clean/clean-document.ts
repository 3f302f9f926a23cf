import { InputError } from '../errors.ts';
import type { Removal } from '../result.ts';

/** What arrived: raw bytes plus whatever the transport told us about them. */
export interface RawDocument {
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  /** Object key or file name; its extension is a format hint. */
  readonly fileName?: string;
  /** The article's URL when the caller knows it (JSONL `url`). */
  readonly url?: string;
}

/** The article after cleaning, with the metadata found on the way and an audit of what was removed. */
export interface CleanedDocument {
  readonly text: string;
  readonly title?: string;
  readonly sourceUrl?: string;
  readonly language?: string;
  readonly publishedAt?: string;
  readonly byline?: string;
  readonly siteName?: string;
  readonly dateline?: string;
  readonly removed: readonly Removal[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const AD_SHORTCODE = /\[ad_\d+\]/g;

function decodeUtf8(bytes: Uint8Array): string {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch (error) {
    throw new InputError('UNSUPPORTED_CONTENT', 'Input is not valid UTF-8 text', { cause: error });
  }
}

/** First cleaning pass (foundation): UTF-8 text, ad shortcodes, whitespace. */
export function cleanDocument(raw: RawDocument): CleanedDocument {
  const decoded = decodeUtf8(raw.bytes);
  if (decoded.includes('\u0000')) {
    throw new InputError('UNSUPPORTED_CONTENT', 'Input contains NUL bytes: binary content is not supported');
  }
  const removed: Removal[] = [];
  const withoutAds = decoded.replace(AD_SHORTCODE, (match) => {
    removed.push({ rule: 'ad-shortcode', text: match });
    return '';
  });
  const text = withoutAds
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  if (text === '') throw new InputError('EMPTY', 'No text left after cleaning');
  return { text, ...(raw.url ? { sourceUrl: raw.url } : {}), removed };
}
