import { describe, expect, it } from 'vitest';
import { decodeText } from '#shared/clean/decode-text.ts';
import { repairMojibake } from '#shared/clean/repair-mojibake.ts';
import { InputError } from '#shared/errors.ts';

const TEXT = 'Café “crème” – naïve résumé for €5, don’t';

function utf16(text: string, littleEndian: boolean, withBom = true): Uint8Array {
  const offset = withBom ? 2 : 0;
  const bytes = new Uint8Array(offset + text.length * 2);
  if (withBom) bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index += 1) {
    view.setUint16(offset + index * 2, text.charCodeAt(index), littleEndian);
  }
  return bytes;
}

/** Windows-1252 bytes of text made only of characters that encoding has. */
function windows1252(text: string): Uint8Array {
  const high = new Map(
    [
      ...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index)),
    ].map((char, index) => [char, 0x80 + index]),
  );
  return Uint8Array.from(
    [...text].map((char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : (high.get(char) ?? 0x3f))),
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const LATIN1_TEXT =
  'Señor Müller aß Crème brûlée à la française; être ou ne pas être, c’est la question du café.';

describe('decodeText', () => {
  it.each([
    ['UTF-8', utf8(TEXT), undefined, 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), undefined, 'utf-8'],
    ['UTF-16 LE with BOM', utf16(TEXT, true), undefined, 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(TEXT, false), undefined, 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(TEXT, true, false), undefined, 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(TEXT, false, false), undefined, 'utf-16be'],
    [
      'Windows-1252 declared in Content-Type',
      windows1252(TEXT),
      'text/plain; charset=windows-1252',
      'windows-1252',
    ],
    ['Windows-1252 undeclared', windows1252(TEXT), undefined, 'windows-1252'],
  ])('reads %s', (_name, bytes, contentType, encoding) => {
    const decoded = decodeText(bytes, contentType);

    expect(decoded.text).toBe(TEXT);
    expect(decoded.encoding).toBe(encoding);
  });

  it('reads Latin-1 (ISO-8859-1) declared in Content-Type', () => {
    const decoded = decodeText(windows1252(LATIN1_TEXT), 'text/plain; charset=ISO-8859-1');

    expect(decoded.text).toBe(LATIN1_TEXT);
  });

  it('reads undeclared Latin-1 text with the legacy detector', () => {
    const decoded = decodeText(windows1252(LATIN1_TEXT));

    expect(decoded.text).toBe(LATIN1_TEXT);
  });

  it('reads the charset an HTML meta tag declares', () => {
    const html = `<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><p>${TEXT}</p></body></html>`;

    const decoded = decodeText(windows1252(html));

    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain(TEXT);
  });

  it('reads the charset of an http-equiv Content-Type meta tag', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>${LATIN1_TEXT}</body></html>`;

    expect(decodeText(windows1252(html)).text).toContain(LATIN1_TEXT);
  });

  it('detects Windows-1252 behind a wrong UTF-8 declaration', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><p>${LATIN1_TEXT}</p></body></html>`;

    expect(decodeText(windows1252(html)).text).toContain(LATIN1_TEXT);
  });

  it('lets a BOM win over a wrong declaration', () => {
    const decoded = decodeText(
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]),
      'text/plain; charset=windows-1252',
    );

    expect(decoded.text).toBe(TEXT);
  });

  it('repairs UTF-8 that was once read as Windows-1252', () => {
    const mojibake = new TextDecoder('windows-1252').decode(utf8(TEXT));

    const decoded = decodeText(utf8(mojibake));

    expect(mojibake).toContain('â€™');
    expect(decoded.text).toBe(TEXT);
    expect(decoded.repairedMojibake).toBe(true);
  });

  it('refuses bytes that decode to garbage', () => {
    const garbage = Uint8Array.from({ length: 2000 }, (_, index) => 0x80 + (index % 32));

    expect(() => decodeText(garbage, 'text/plain; charset=windows-1252')).toThrow(InputError);
  });
});

describe('repairMojibake', () => {
  it.each([
    ['itâ€™s', 'it’s'],
    ['cafÃ©', 'café'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['2 â€“ 3', '2 – 3'],
    ['naÃ¯ve', 'naïve'],
    ['FranÃ\u0083Â§ois Hollande', 'François Hollande'],
    ['FranA\u0303\u0083A\u0302§ois', 'François'],
    ['protegA\u0303©s', 'protegés'],
    [
      new TextDecoder('windows-1252').decode(new TextEncoder().encode('こんにちは, Tokyo')),
      'こんにちは, Tokyo',
    ],
    ['Ã\u0083Â\u0083Ã\u0082Â©t\u00C3\u0083\u00C2\u00A9', 'ét\u00E9'],
  ])('repairs %j to %j', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it('repairs text encoded twice, as the bytes of a page read as Windows-1252 twice would be', () => {
    const once = new TextDecoder('windows-1252').decode(utf8(TEXT));
    const twice = new TextDecoder('windows-1252').decode(utf8(once));

    expect(repairMojibake(twice)).toBe(TEXT);
  });

  it.each(['Ãlvaro', 'déjà vu', 'A © B', 'Â', 'e\u0301te\u0301', 'Café\u00a0“open”'])(
    'leaves correct text %j alone',
    (text) => {
      expect(repairMojibake(text)).toBe(text);
    },
  );
});
