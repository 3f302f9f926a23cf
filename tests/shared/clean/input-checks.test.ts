import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { detectFormat } from '#shared/clean/detect-format.ts';
import { parseDate } from '#shared/clean/parse-date.ts';
import { detectBinary } from '#shared/clean/refuse-binary.ts';
import { isCreditLine } from '#shared/clean/rules-captions.ts';
import { InputError } from '#shared/errors.ts';

const header = (...bytes: number[]) =>
  Uint8Array.from([...bytes, ...new TextEncoder().encode(' some trailing data')]);

describe('binary refusal', () => {
  it.each([
    ['PNG', header(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['JPEG', header(0xff, 0xd8, 0xff, 0xe0)],
    ['GIF', new TextEncoder().encode('GIF89a and then pixels')],
    ['PDF', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>')],
    ['ZIP', header(0x50, 0x4b, 0x03, 0x04)],
    ['gzip of a PNG', gzipSync(header(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))],
    ['a broken gzip stream', Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad])],
    ['ELF', header(0x7f, 0x45, 0x4c, 0x46)],
    ['a Windows executable', header(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00)],
    ['MP3 with an ID3 tag', header(0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x76)],
    ['MP4', Uint8Array.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32])],
    ['random bytes', randomBytes(4096)],
    ['text with NUL bytes', new TextEncoder().encode('hello\u0000world\u0000again')],
  ])('refuses %s as UNSUPPORTED_CONTENT', (_name, bytes) => {
    let code: string | undefined;
    try {
      cleanDocument({ bytes });
    } catch (error) {
      if (error instanceof InputError) code = error.code;
    }

    expect(code).toBe('UNSUPPORTED_CONTENT');
  });

  it.each([
    ['UTF-8 text', new TextEncoder().encode('Plain text, with tabs\tand lines\n.')],
    ['UTF-16 with BOM', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00])],
    ['UTF-16 LE without BOM', Uint8Array.from([0x41, 0x00, 0x42, 0x00, 0x20, 0x00, 0x43, 0x00])],
    ['text that starts like an executable', new TextEncoder().encode('MZ Wallace opened a store.')],
    ['text that starts like an MP3 tag', new TextEncoder().encode('ID3 is a tag format for audio.')],
    ['text that starts like a RIFF file', new TextEncoder().encode('RIFF raff gathered outside.')],
  ])('lets %s through', (_name, bytes) => {
    expect(detectBinary(bytes)).toBeUndefined();
  });
});

describe('detectFormat', () => {
  it.each([
    ['<p>x</p>', 'text/html; charset=utf-8', undefined, 'html'],
    ['{"text": "x"}', 'application/json', undefined, 'json'],
    ['# Title', 'text/markdown', undefined, 'markdown'],
    ['plain', undefined, 'incoming/a.htm', 'html'],
    ['plain', undefined, 'incoming/a.json.gz', 'json'],
    ['plain', undefined, 'incoming/a.md', 'markdown'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'text/plain', 'a.txt', 'html'],
    ['{"title": "t", "text": "x"}', 'application/octet-stream', undefined, 'json'],
    ['# Head\n\n- one\n- two\n\n[link](https://x.example)', undefined, undefined, 'markdown'],
    ['# Head\n\n- one\n- two\n\n[link](https://x.example)', undefined, 'a.txt', 'text'],
    ['Just a sentence. And another.', undefined, undefined, 'text'],
  ])('detects %j (%s, %s) as %s', (text, contentType, fileName, format) => {
    expect(detectFormat(text, contentType, fileName)).toBe(format);
  });
});

describe('parseDate', () => {
  it.each([
    ['2023-06-19', '2023-06-19'],
    ['2023-06-19T10:00:00-04:00', '2023-06-19T10:00:00-04:00'],
    ['2023-06-19 10:00:00 EST', '2023-06-19T10:00:00'],
    ['2023-06-19 10:00:00 UTC', '2023-06-19T10:00:00Z'],
    ['2023-06-19 10:00 +02:00', '2023-06-19T10:00+02:00'],
    ['Monday, June 19, 2023', '2023-06-19'],
    ['Jun. 19 2023', '2023-06-19'],
    ['12:08 EST, 24 July 2013', '2013-07-24'],
    ['19. Juni 2023', '2023-06-19'],
    ['19.06.2023', '2023-06-19'],
    ['February 30, 2023', undefined],
    ['yesterday', undefined],
  ])('parses %j as %j', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
});

describe('isCreditLine', () => {
  it.each([
    'Leah Mellis/Pool’s photo via AP',
    'Photo: J. Scott Applewhite/AP',
    'AFP via Getty Images',
    'Reuters/Jane Doe',
    'Image courtesy of NASA',
  ])('recognises %j', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });

  it.each([
    'The photo was taken by a resident who watched the storm from her window.',
    'Reuters reported the deal on Monday.',
    'Shares fell. Photo: AP',
  ])('does not take %j for a credit line', (line) => {
    expect(isCreditLine(line)).toBe(false);
  });
});
