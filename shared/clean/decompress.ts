import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.ts';

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return GZIP_MAGIC.every((byte, index) => bytes[index] === byte);
}

/**
 * Gunzips gzip'd input (recognised by its magic bytes); returns any other input unchanged. The decompressed
 * size counts against the input limit: zlib stops inflating as soon as its output passes `maxOutputBytes`
 * (a gzip bomb costs a few milliseconds and `maxOutputBytes` of memory, never its expanded size), and that
 * is a TOO_LARGE input like any other over the limit.
 */
export function decompress(bytes: Uint8Array, maxOutputBytes: number): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxOutputBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputError(
        'TOO_LARGE',
        `Input decompresses to more than the limit of ${maxOutputBytes} bytes`,
        {
          cause: error,
        },
      );
    }
    throw new InputError('UNSUPPORTED_CONTENT', 'Input looks gzip-compressed but does not decompress', {
      cause: error,
    });
  }
}
