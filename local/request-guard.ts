import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * What keeps a web page open in the developer's browser away from the local stack. Every local server
 * listens on 127.0.0.1, but a page can still send it requests (a "simple" cross-site POST needs no
 * preflight) or reach it through DNS rebinding (a hostile name that resolves to 127.0.0.1). So a request is
 * refused (403) when:
 * - its Host is not the loopback (localhost, 127.0.0.1, [::1]): DNS rebinding;
 * - it carries an Origin other than the server's own, or says it is cross-site (Sec-Fetch-Site), unless the
 *   developer opted in to that origin (PRECIS_ALLOWED_ORIGINS, comma-separated).
 * The SDKs and the aws CLI send neither Origin nor a foreign Host, so they are unaffected.
 */

export const ALLOWED_ORIGINS_ENV = 'PRECIS_ALLOWED_ORIGINS';

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** The origins the developer allowed, from PRECIS_ALLOWED_ORIGINS. */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[ALLOWED_ORIGINS_ENV] ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter((origin) => origin !== '');
}

/** Why the request must be refused, or undefined when it may go on. */
export function crossSiteRefusal(
  headers: IncomingMessage['headers'],
  allowed: readonly string[],
): string | undefined {
  const host = headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return `Host ${JSON.stringify(host)} is not the loopback`;
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null' && allowed.includes(origin)) return undefined;
  const sameOrigin = origin !== undefined && /^https?:\/\//.test(origin) && new URL(origin).host === host;
  if (origin !== undefined && !sameOrigin) return `Origin ${JSON.stringify(origin)} is not allowed`;
  if (headers['sec-fetch-site'] === 'cross-site' && !sameOrigin) return 'cross-site request';
  return undefined;
}

function refuse(response: ServerResponse, reason: string): void {
  const body = JSON.stringify({
    message: `Forbidden: ${reason} (allow an origin with ${ALLOWED_ORIGINS_ENV})`,
  });
  response.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** Puts the guard in front of every request listener the server has (an emulator's, say). */
export function guardServer(server: Server, allowed: readonly string[] = allowedOrigins()): void {
  const listeners = server.listeners('request') as Array<
    (request: IncomingMessage, response: ServerResponse) => void
  >;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const reason = crossSiteRefusal(request.headers, allowed);
    if (reason !== undefined) {
      request.resume();
      refuse(response, reason);
      return;
    }
    for (const listener of listeners) listener.call(server, request, response);
  });
}
