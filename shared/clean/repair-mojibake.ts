/**
 * Repairs UTF-8 that was decoded as Windows-1252 ("Itâ€™s" for "It’s", "cafÃ©" for "café"), once or more
 * ("FranÃ\u0083Â§ois" for "François": encoded twice), also when the page stored it decomposed ("A\u0303©"
 * for "Ã©"). Each run of characters that looks like mis-decoded UTF-8 is re-encoded to Windows-1252 bytes
 * and decoded as UTF-8; the run is replaced only when that succeeds strictly, so correct text is never
 * changed. Repeated while runs are left, up to MAX_PASSES. Hand-written: npm's one package for the job
 * (fix-latin1-to-utf8) is little used and handles neither Windows-1252 nor double encoding.
 */

/** Windows-1252 code points 0x80-0x9F, by the Unicode character they decode to. */
const WINDOWS_1252_HIGH: ReadonlyMap<string, number> = new Map(
  [
    ...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index)),
  ].map((char, index) => [char, 0x80 + index]),
);
/** A UTF-8 lead byte as Windows-1252 (Â-ô) followed by one to three continuation bytes (0x80-0xBF as cp1252). */
const MOJIBAKE_RUN =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{1,3}/g;
const MOJIBAKE_HINT = /[\u00C2-\u00F4][\u0080-\u00BF\u0152-\u2122]/;
/** A combining mark: the text may hold a mojibake lead character decomposed ("A" + U+0303 for "Ã"). */
const COMBINING_MARK = /[\u0300-\u036F]/;
/** Text encoded as UTF-8 and read as Windows-1252 three times over is beyond saving as prose anyway. */
const MAX_PASSES = 3;

function toWindows1252Bytes(run: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const char of run) {
    const code = char.codePointAt(0) ?? 0;
    const mapped = code <= 0xff ? code : WINDOWS_1252_HIGH.get(char);
    if (mapped === undefined) return undefined;
    bytes.push(mapped);
  }
  return Uint8Array.from(bytes);
}

/** How many continuation bytes a UTF-8 lead byte (as its Windows-1252 character) announces. */
function continuationCount(lead: string): number {
  const code = lead.codePointAt(0) ?? 0;
  if (code >= 0xf0) return 3;
  if (code >= 0xe0) return 2;
  return 1;
}

/** An ASCII letter next to a run: "f" in "Café “open”". */
const ASCII_LETTER = /[A-Za-z]/;

/**
 * A character beyond Latin text's own range of punctuation and symbols (U+2000-U+2BFF): CJK, Hangul, Indic.
 * Decoded between Latin letters it is no repair but a coincidence: "é" + no-break space + "“" is valid UTF-8.
 */
function isOtherScript(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x800 && !(code >= 0x2000 && code <= 0x2bff);
}

function repairRun(run: string, offset: number, text: string): string {
  const chars = [...run];
  const length = 1 + continuationCount(chars[0] ?? '');
  if (chars.length < length) return run;
  const bytes = toWindows1252Bytes(chars.slice(0, length).join(''));
  if (!bytes) return run;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return run;
  }
  const rest = chars.slice(length).join('');
  const before = text[offset - 1] ?? '';
  const after = rest[0] ?? text[offset + run.length] ?? '';
  if (isOtherScript(decoded) && (ASCII_LETTER.test(before) || ASCII_LETTER.test(after))) return run;
  return decoded + rest;
}

export function repairMojibake(text: string): string {
  const composed = COMBINING_MARK.test(text) ? text.normalize('NFC') : text;
  if (!MOJIBAKE_HINT.test(composed)) return text;
  let repaired = composed;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = repaired.replace(MOJIBAKE_RUN, repairRun);
    if (next === repaired) break;
    repaired = next;
  }
  // Unrepaired text is returned as it came, not composed: cleaning normalises it later, as for any text.
  return repaired === composed ? text : repaired;
}
