import chardet from 'chardet';
import { InputError } from '../errors.ts';
import { utf16ByteOrder } from './detect-utf16.ts';
import { repairMojibake } from './repair-mojibake.ts';

const BOMS: readonly (readonly [string, readonly number[]])[] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];
const CONTENT_TYPE_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
const HTML_META_CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)/i;
const HTML_SNIFF_BYTES = 2048;
const LESS_THAN = 0x3c;
const LATIN1 = new TextDecoder('latin1');
/** Labels the WHATWG Encoding Standard maps to windows-1252; ISO-8859-1 is treated the same way by browsers. */
const WINDOWS_1252 = 'windows-1252';
const MAX_GARBAGE_RATIO = 0.02;
const GARBAGE = /[\uFFFD\u0080-\u009F]/g;

export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read as (a WHATWG label). */
  readonly encoding: string;
  /** True when UTF-8 read as Windows-1252 was found and repaired. */
  readonly repairedMojibake: boolean;
}

function bomOf(bytes: Uint8Array): readonly [string, number] | undefined {
  for (const [encoding, signature] of BOMS) {
    if (signature.every((byte, index) => bytes[index] === byte)) return [encoding, signature.length];
  }
  return undefined;
}

/** A label TextDecoder understands, or undefined for unknown labels. */
export function normaliseEncodingLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

/** The charset declared by the transport (Content-Type) or, for HTML, by a meta tag near the top. */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  const fromHeader = normaliseEncodingLabel(contentType?.match(CONTENT_TYPE_CHARSET)?.[1]);
  if (fromHeader) return fromHeader;
  const headBytes = bytes.subarray(0, HTML_SNIFF_BYTES);
  // A meta tag starts with `<`: most text has none to look for.
  if (!headBytes.includes(LESS_THAN)) return undefined;
  const head = LATIN1.decode(headBytes);
  return normaliseEncodingLabel(head.match(HTML_META_CHARSET)?.[1]);
}

/** Strict UTF-8: a decoder without `stream` keeps no state between calls, so one serves every input. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Legacy single-byte encodings: trust the detector only among the ones it knows well, else Windows-1252. */
function detectLegacyEncoding(bytes: Uint8Array): string {
  const guess = normaliseEncodingLabel(chardet.detect(bytes) ?? undefined);
  if (!guess || guess === 'utf-8' || guess.startsWith('utf-16') || guess.startsWith('utf-32'))
    return WINDOWS_1252;
  return guess;
}

function refuseGarbage(text: string): void {
  const sample = text.slice(0, 8192);
  const garbage = sample.match(GARBAGE)?.length ?? 0;
  if (sample.length > 0 && garbage / sample.length > MAX_GARBAGE_RATIO) {
    throw new InputError('UNSUPPORTED_CONTENT', 'Input does not decode to text in any known encoding');
  }
}

/**
 * Bytes to text: BOM, then UTF-16 recognised by its zero bytes, then the declared charset, then strict UTF-8, then a legacy-encoding detector (chardet).
 * A declared UTF-8 that does not decode strictly falls through to the detector.
 * UTF-8 that was once read as Windows-1252 (mojibake such as "donâ€™t") is repaired.
 */
export function decodeText(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = bomOf(bytes);
  const declared = declaredCharset(bytes, contentType);
  const utf8 = declared === undefined || declared === 'utf-8' ? decodeStrictUtf8(bytes) : undefined;
  // A page that declares UTF-8 but is not (a common template default) is read like an undeclared one.
  const undeclared = utf8 !== undefined ? 'utf-8' : detectLegacyEncoding(bytes);
  const encoding =
    bom?.[0] ?? utf16ByteOrder(bytes) ?? (declared === 'utf-8' ? undeclared : (declared ?? undeclared));
  const body = bom ? bytes.subarray(bom[1]) : bytes;
  // Bytes that decoded strictly as UTF-8 decode the same without `fatal`: the text is not decoded twice.
  const decoded =
    encoding === 'utf-8' && bom === undefined && utf8 !== undefined
      ? utf8
      : new TextDecoder(encoding).decode(body);
  refuseGarbage(decoded);
  const repaired = repairMojibake(decoded);
  return { text: repaired, encoding, repairedMojibake: repaired !== decoded };
}
