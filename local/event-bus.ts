import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { close, listen } from './http-server.ts';
import { guardServer } from './request-guard.ts';

/**
 * The EventBridge bus of the local stack: a loopback server that answers the PutEvents call of the AWS SDK
 * (JSON 1.1 protocol), so the process function publishes through the same client code as in AWS. Each event
 * is printed, appended to `<dataDir>/events.jsonl`, and kept for tests to read.
 */

export interface LocalEvent {
  readonly id: string;
  readonly time: string;
  readonly source: string;
  readonly detailType: string;
  readonly eventBusName: string;
  readonly detail: unknown;
}

export interface LocalEventBus {
  readonly endpoint: string;
  /** Every event received since the bus started, oldest first. */
  readonly events: readonly LocalEvent[];
  stop(): Promise<void>;
}

interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly EventBusName?: string;
}

const PUT_EVENTS_TARGET = 'AWSEvents.PutEvents';
const JSON_11 = 'application/x-amz-json-1.1';
/** EventBridge takes at most 10 entries of 256 KB in one PutEvents call. */
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_REQUEST_BYTES) throw new RangeError(`PutEvents request over ${MAX_REQUEST_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLocalEventBus(options: {
  readonly host: string;
  readonly port: number;
  readonly logFile: string;
  readonly log: (message: string, details?: unknown) => void;
}): Promise<LocalEventBus> {
  const events: LocalEvent[] = [];
  const answer = (status: number, body: unknown, response: import('node:http').ServerResponse) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': JSON_11, 'content-length': Buffer.byteLength(text) });
    response.end(text);
  };
  const server: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.headers['x-amz-target'] !== PUT_EVENTS_TARGET) {
      request.resume();
      answer(
        400,
        { __type: 'UnknownOperationException', message: 'Only PutEvents is served locally' },
        response,
      );
      return;
    }
    bodyOf(request)
      .then((body) => {
        const entries = ((JSON.parse(body) as { Entries?: PutEventsEntry[] }).Entries ?? []).slice();
        if (entries.length === 0 || entries.length > MAX_ENTRIES) {
          answer(400, { __type: 'ValidationException', message: `1 to ${MAX_ENTRIES} entries` }, response);
          return;
        }
        const results = entries.map((entry) => {
          const event: LocalEvent = {
            id: randomUUID(),
            time: new Date().toISOString(),
            source: entry.Source ?? '',
            detailType: entry.DetailType ?? '',
            eventBusName: entry.EventBusName ?? 'default',
            detail: JSON.parse(entry.Detail ?? '{}') as unknown,
          };
          events.push(event);
          appendFileSync(options.logFile, `${JSON.stringify(event)}\n`);
          options.log(`event ${event.detailType}`, event.detail);
          return { EventId: event.id };
        });
        answer(200, { FailedEntryCount: 0, Entries: results }, response);
      })
      .catch((error: unknown) => {
        answer(400, { __type: 'ValidationException', message: String(error) }, response);
      });
  });
  guardServer(server);
  const port = await listen(server, options.port, options.host);
  return {
    endpoint: `http://${options.host}:${port}`,
    events,
    stop: () => close(server),
  };
}
