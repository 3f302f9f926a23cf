/**
 * Repairs UTF-8 that was decoded as Windows-1252 ("Itâ€™s" for "It’s", "cafÃ©" for "café"). Each run of
 * characters that looks like mis-decoded UTF-8 is re-encoded to Windows-1252 bytes and decoded as UTF-8; the
 * run is replaced only when that succeeds strictly, so correct text is never changed.
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

function repairRun(run: string): string {
  const chars = [...run];
  const length = 1 + continuationCount(chars[0] ?? '');
  if (chars.length < length) return run;
  const bytes = toWindows1252Bytes(chars.slice(0, length).join(''));
  if (!bytes) return run;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes) + chars.slice(length).join('');
  } catch {
    return run;
  }
}

export function repairMojibake(text: string): string {
  if (!MOJIBAKE_HINT.test(text)) return text;
  return text.replace(MOJIBAKE_RUN, repairRun);
}
