import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, listen } from './http-server.ts';
import { guardServer } from './request-guard.ts';

/**
 * Object versions and a notification per write for the local S3 emulator, which has neither. The articles
 * bucket is versioned in AWS, and every upload gets its own event naming its version, so two uploads to one
 * key 10 ms apart give two Results. Locally a proxy stands in front of the emulator (S3 and SQS share its
 * port): each write of an object under the watched prefix is forwarded and then, before the writer is
 * answered and while no other write to that key can run, snapshotted as a version (a copy under
 * `.versions/`) and notified. The answer carries `x-amz-version-id`, and a GET or HEAD with `versionId` is
 * served from that snapshot, as S3 serves a version. Everything else passes through untouched.
 */

/** Where the snapshot of each version of a key lives: short whatever the key (S3 keys stop at 1,024 bytes). */
export const VERSIONS_PREFIX = '.versions/';
const KEY_HASH_CHARS = 32;
const VERSION_ID_BYTES = 16;

export function versionKey(key: string, versionId: string): string {
  const keyHash = createHash('sha256').update(key).digest('hex').slice(0, KEY_HASH_CHARS);
  return `${VERSIONS_PREFIX}${keyHash}/${versionId}`;
}

/** Opaque, URL-safe and unique, like S3's. */
export const newVersionId = (): string => randomBytes(VERSION_ID_BYTES).toString('base64url');

/** Runs one task per key at a time, in arrival order; different keys run concurrently. */
export class KeyLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

export interface S3ProxyOptions {
  /** The emulator behind the proxy. */
  readonly upstream: { readonly host: string; readonly port: number };
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly bucket: string;
  /** Only objects under this prefix are versioned and notified. */
  readonly prefix: string;
  /** Shared with whatever else versions objects (the notifier's catch-up scan). */
  readonly locks: KeyLocks;
  /**
   * Called after a write to a key under the prefix succeeded, under that key's lock: snapshots and notifies
   * it, and resolves to the version id. If it throws, the writer is answered 500 and may retry.
   */
  readonly onObjectWritten: (key: string) => Promise<string | undefined>;
  /** The version id of the object now under `key` if its ETag is `eTag`, for reads of the current version. */
  readonly currentVersion: (key: string, eTag: string) => string | undefined;
  readonly onError: (error: unknown) => void;
}

export interface S3Proxy {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** Sub-resources of a PUT that change something other than the object's content. */
const NOT_CONTENT = ['partNumber', 'uploadId', 'tagging', 'acl', 'retention', 'legal-hold'];
const VERSION_ID = 'versionId';
const VERSION_HEADER = 'x-amz-version-id';

interface Upstream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export async function startS3Proxy(options: S3ProxyOptions): Promise<S3Proxy> {
  const agent = new http.Agent({ keepAlive: true });
  const bucketPath = `/${options.bucket}/`;

  /** The key a path-style request names (dot segments kept, as S3 keeps them), when watched. */
  function watchedKey(path: string): string | undefined {
    if (!path.startsWith(bucketPath)) return undefined;
    try {
      const key = decodeURIComponent(path.slice(bucketPath.length));
      return key.startsWith(options.prefix) ? key : undefined;
    } catch {
      return undefined;
    }
  }

  const isContentWrite = (method: string | undefined, query: URLSearchParams): boolean =>
    (method === 'PUT' && !NOT_CONTENT.some((name) => query.has(name))) ||
    // CompleteMultipartUpload
    (method === 'POST' && query.has('uploadId'));

  function send(request: IncomingMessage, path: string): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          ...options.upstream,
          agent,
          method: request.method,
          path,
          headers: request.headers,
        },
        resolve,
      );
      upstream.on('error', reject);
      request.pipe(upstream);
    });
  }

  async function exchange(request: IncomingMessage, path: string): Promise<Upstream> {
    const response = await send(request, path);
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) };
  }

  async function pass(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    extra: (headers: IncomingHttpHeaders) => Record<string, string> = () => ({}),
  ) {
    const upstream = await send(request, path);
    response.writeHead(upstream.statusCode ?? 502, { ...upstream.headers, ...extra(upstream.headers) });
    upstream.pipe(response);
  }

  async function write(request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
    await options.locks.run(key, async () => {
      const upstream = await exchange(request, request.url ?? '/');
      let versionId: string | undefined;
      if (upstream.status < 300) {
        try {
          versionId = await options.onObjectWritten(key);
        } catch (error) {
          options.onError(error);
          internalError(response, 'The object was stored but could not be notified yet; retry');
          return;
        }
      }
      response.writeHead(upstream.status, {
        ...upstream.headers,
        ...(versionId === undefined ? {} : { [VERSION_HEADER]: versionId }),
      });
      response.end(upstream.body);
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Not new URL(): it would resolve the dot segments a key may hold (incoming/a/../b.txt).
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const key = watchedKey(path);
    if (key === undefined) return pass(request, response, target);
    const reads = request.method === 'GET' || request.method === 'HEAD';
    const versionId = query.get(VERSION_ID);
    if (reads && versionId !== null) {
      query.delete(VERSION_ID);
      const search = query.size === 0 ? '' : `?${query}`;
      return pass(request, response, `${bucketPath}${versionKey(key, versionId)}${search}`, () => ({
        [VERSION_HEADER]: versionId,
      }));
    }
    if (isContentWrite(request.method, query)) return write(request, response, key);
    if (!reads) return pass(request, response, target);
    return pass(request, response, target, (headers): Record<string, string> => {
      const current = options.currentVersion(key, (headers.etag ?? '').replaceAll('"', ''));
      return current === undefined ? {} : { [VERSION_HEADER]: current };
    });
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A client that went away (a long poll cut short by a stop, say) is not an error of the proxy.
      if (request.destroyed || response.destroyed) return;
      options.onError(error);
      if (!response.headersSent) internalError(response, 'The local S3 proxy failed');
      else response.destroy();
    });
  });
  guardServer(server);
  const port = await listen(server, options.port, options.host);
  return {
    port,
    url: `http://${options.host}:${port}`,
    async close() {
      await close(server);
      agent.destroy();
    },
  };
}

function internalError(response: ServerResponse, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>${message}</Message></Error>`;
  response.writeHead(500, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
