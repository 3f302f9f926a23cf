import { InputError } from '../errors.ts';
import { utf16ByteOrder } from './detect-utf16.ts';

/**
 * File signatures of formats we will never read as an article. Each is long or non-ASCII enough that no text
 * starts with it; formats whose signature is plain ASCII ("MZ", "ID3", "BZh", "RIFF") are left to the NUL and
 * control-byte checks below, which their headers always trip, so an article that begins "MZ Wallace" is read.
 */
const MAGIC_NUMBERS: readonly (readonly [string, readonly number[]])[] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive (or DOCX/XLSX/EPUB)', [0x50, 0x4b, 0x03, 0x04]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['OLE document (DOC/XLS)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['Ogg media', [0x4f, 0x67, 0x67, 0x53, 0x00]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];
const ISO_MEDIA_BRAND = [0x66, 0x74, 0x79, 0x70]; // "ftyp" at offset 4: MP4, MOV, HEIC, AVIF
const SAMPLE_BYTES = 4096;
/** Above this share of control bytes in the sample, the input is not text. */
const MAX_CONTROL_RATIO = 0.05;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function isUtf16WithBom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

function isControlByte(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

/** The control bytes of the sample, by index (a `for...of` over a typed array is several times slower). */
function countControlBytes(sample: Uint8Array): number {
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) if (isControlByte(sample[i] as number)) controls += 1;
  return controls;
}

/** Names the binary format of the bytes, or returns undefined when they may be text. */
export function detectBinary(bytes: Uint8Array): string | undefined {
  const known = MAGIC_NUMBERS.find(([, signature]) => startsWith(bytes, signature));
  if (known) return known[0];
  if (startsWith(bytes, ISO_MEDIA_BRAND, 4)) return 'ISO media (MP4/MOV/HEIC)';
  if (isUtf16WithBom(bytes) || utf16ByteOrder(bytes) !== undefined) return undefined;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return 'binary file (it has NUL bytes)';
  const controls = countControlBytes(sample);
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_RATIO)
    return 'binary file (it has control bytes)';
  return undefined;
}

/** Throws UNSUPPORTED_CONTENT for images, documents, archives, executables and random bytes. */
export function refuseBinary(bytes: Uint8Array): void {
  const kind = detectBinary(bytes);
  if (kind) throw new InputError('UNSUPPORTED_CONTENT', `Input is a ${kind}, not an article`);
}
