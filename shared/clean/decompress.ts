import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.ts';

const GZIP_MAGIC = [0x1f, 0x8b];
/** Cap on decompressed size: a gzip bomb must fail fast with TOO_LARGE instead of filling memory. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 20 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return GZIP_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** Gunzips gzip'd input (recognised by its magic bytes); returns any other input unchanged. */
export function decompress(bytes: Uint8Array, maxOutputBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxOutputBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputError('TOO_LARGE', `Decompressed input exceeds ${maxOutputBytes} bytes`, {
        cause: error,
      });
    }
    throw new InputError('UNSUPPORTED_CONTENT', 'Input looks gzip-compressed but does not decompress', {
      cause: error,
    });
  }
}
