import { mkdirSync } from 'node:fs';
import http, { type Server } from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { fixVisibilityReset } from './fauxqs-visibility.ts';
import { close, listen } from './http-server.ts';
import { guardServer } from './request-guard.ts';

/**
 * The protocol servers of the local stack, all on the loopback interface:
 * - fauxqs: the S3 and SQS APIs on one port, state (queues, messages, buckets, objects) in SQLite under
 *   `<dataDir>/fauxqs`. Objects live in SQLite, not as files named after their keys, so no key can write
 *   outside the data directory or trip over a file system's name limits.
 * - dynalite: the DynamoDB API, tables in LevelDB under `<dataDir>/dynamodb`.
 * Both refuse requests from web pages (a foreign Origin or a non-loopback Host: see request-guard.ts).
 */

export const LOOPBACK = '127.0.0.1';
const ANY_INTERFACE = '0.0.0.0';

export interface ServerPorts {
  /** S3 and SQS (fauxqs). 0 picks a free port. */
  readonly s3: number;
  /** DynamoDB (dynalite). 0 picks a free port. */
  readonly dynamodb: number;
}

export interface Emulators {
  /** S3 and SQS endpoint, e.g. http://127.0.0.1:4566. */
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  readonly ports: ServerPorts;
  stop(): Promise<void>;
}

export class LoopbackBindError extends Error {
  override readonly name = 'LoopbackBindError';
}

/**
 * fauxqs always listens on 0.0.0.0, which would expose the emulator to the network. For the duration of its
 * start this rewrites that one host to the loopback address, then checks where it really listens.
 */
async function startFauxqsOnLoopback(port: number, dataDir: string): Promise<FauxqsServer> {
  await fixVisibilityReset();
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]) {
    const [options] = args;
    if (
      typeof options === 'object' &&
      options !== null &&
      'host' in options &&
      options.host === ANY_INTERFACE
    ) {
      args[0] = { ...options, host: LOOPBACK };
    }
    // fauxqs answers CORS preflights from any origin; no web page gets through to it.
    if (this instanceof http.Server) guardServer(this);
    return Reflect.apply(listen, this, args);
  } as typeof listen;
  try {
    const server = await startFauxqs({ port, dataDir, logger: false });
    if (new URL(server.address).hostname !== LOOPBACK) {
      await server.stop();
      throw new LoopbackBindError(`fauxqs listens on ${server.address}, not on ${LOOPBACK}`);
    }
    return server;
  } finally {
    net.Server.prototype.listen = listen;
  }
}

async function startDynalite(port: number, path: string): Promise<{ server: Server; port: number }> {
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  // dynalite answers CORS preflights from any origin with "*" and ignores signatures: refuse web pages.
  guardServer(server);
  return { server, port: await listen(server, port, LOOPBACK) };
}

export async function startEmulators(dataDir: string, ports: ServerPorts): Promise<Emulators> {
  const fauxqsDir = join(dataDir, 'fauxqs');
  const dynamodbDir = join(dataDir, 'dynamodb');
  mkdirSync(fauxqsDir, { recursive: true });
  mkdirSync(dynamodbDir, { recursive: true });

  const fauxqs = await startFauxqsOnLoopback(ports.s3, fauxqsDir);
  let dynamodb: { server: Server; port: number };
  try {
    dynamodb = await startDynalite(ports.dynamodb, dynamodbDir);
  } catch (error) {
    await fauxqs.stop();
    throw error;
  }

  return {
    s3Endpoint: `http://${LOOPBACK}:${fauxqs.port}`,
    dynamodbEndpoint: `http://${LOOPBACK}:${dynamodb.port}`,
    ports: { s3: fauxqs.port, dynamodb: dynamodb.port },
    async stop() {
      await Promise.all([fauxqs.stop(), close(dynamodb.server)]);
    },
  };
}
