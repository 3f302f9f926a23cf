import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { entityPartitionOf } from '#shared/adapters/entity-index.ts';
import type { Result } from '#shared/result.ts';
import { objectArticleId } from '#shared/use-cases/article-id.ts';
import { buildS3Event } from '../local/s3-notifications.ts';
import { LOCAL_CREDENTIALS, LOCAL_NAMES, LOCAL_REGION } from '../local/settings.ts';

/**
 * `npm run test:chaos`: drives a real local stack (`local/start.ts` in a child process, its own data
 * directory and free ports) with N uploads of varied articles under awkward keys, including rapid overwrites
 * of one key; injects duplicate (a third of the uploads), re-ordered and malformed notifications; and
 * SIGKILLs the whole stack K times during the uploads, restarting it on the same data. An upload whose PUT
 * failed (the stack was down) is retried until it is acknowledged. Then it waits for every acknowledged
 * upload to have a terminal Result and prints one line:
 *   uploaded N, done D, failed F, lost L, duplicated U, stuck S, unindexed I
 * - lost: an acknowledged upload (its version) without a Result;
 * - duplicated: more Results for one key and content than PUTs of that content were sent;
 * - stuck: a Result still PENDING or PROCESSING when the queue is drained;
 * - unindexed: a DONE Result whose most salient entity's index entry is missing.
 * Exits 1 unless L, U, S and I are all 0. `npm test` runs a small one (40 uploads, 1 kill:
 * tests/scripts/chaos.test.ts); the full run takes minutes.
 */

const { values: args } = parseArgs({
  options: {
    uploads: { type: 'string', default: '300' },
    kills: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '6' },
    'fault-rate': { type: 'string', default: '0.02' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const UPLOADS = Number(args.uploads);
const KILLS = Number(args.kills);
const CONCURRENCY = Number(args.concurrency);
/** Share of the handlers' DynamoDB and S3 requests that fail (throttling, 500): PRECIS_FAULT_RATE. */
const FAULT_RATE = args['fault-rate'] as string;
/** Short, so that messages in flight at a kill come back soon. */
const VISIBILITY_TIMEOUT_SECONDS = 10;
const READY_WITHIN_MS = 180_000;
const SETTLE_WITHIN_MS = 900_000;
const RETRY_PAUSE_MS = 500;
const DUPLICATE_SHARE = 0.35;
/** Keys uploaded twice 10 ms apart (each upload counts). */
const OVERWRITTEN_KEYS = 10;
const MALFORMED = [
  'not json',
  '{"Records": "nope"}',
  JSON.stringify({ Records: [{ eventSource: 'aws:s3', s3: null }] }),
  JSON.stringify({ Records: [] }),
];

const ROOT = new URL('..', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The local stack as a child process that can be SIGKILLed and started again on the same data. */
class StackProcess {
  private child: ChildProcess | undefined;
  public constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly apiUrl: string,
    private readonly logPath: string,
  ) {}

  public async start(): Promise<void> {
    const log = openSync(this.logPath, 'a');
    // node --import tsx (not the tsx CLI, which forks): the signal reaches the stack itself.
    this.child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', log, log],
    });
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the local stack exited (see ${this.logPath})`);
      const ready = await fetch(`${this.apiUrl}/articles?key=incoming/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      await sleep(200);
    }
    throw new Error(`the local stack did not start within ${READY_WITHIN_MS} ms (see ${this.logPath})`);
  }

  public async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

const FIRST = ['Ellen', 'Marcus', 'Priya', 'Tomasz', 'Amara', 'Kenji', 'Sofia', 'Diego', 'Hannah', 'Olu'];
const LAST = ['Whitcombe', 'Okafor', 'Lindqvist', 'Moreau', 'Castellano', 'Nakamura', 'Brennan', 'Haddad'];
const TOWNS = ['Dorrington', 'Maplewood', 'Eastbridge', 'Harwick', 'Lowmoor', 'Kestrel Bay', 'Ashford'];
const TOPICS = ['a new library', 'a flood barrier', 'a bus depot', 'a school extension', 'a solar farm'];
const AWKWARD = [
  '',
  ' café',
  ' a+b',
  ' 100%',
  ' (copy)',
  ' 😀',
  ' naïve résumé',
  ' x=1&y=2',
  '  two  spaces',
];

/** A news story unique to `n`, as text, HTML or Markdown. */
function article(n: number, revision = 0): { body: string; contentType: string; extension: string } {
  const person = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
  const town = TOWNS[n % TOWNS.length] as string;
  const topic = TOPICS[n % TOPICS.length] as string;
  const millions = ((n % 40) + 2 + revision / 10).toFixed(1);
  const paragraphs = [
    `${town} council approves plan for ${topic}`,
    `${person}, the mayor of ${town}, said on Tuesday that the council had approved $${millions} million for ${topic}, story number ${n}.`,
    `"This is a good day for ${town}," ${person} told reporters outside the town hall. Work is due to start in March ${2027 + (n % 3)}.`,
    `Opponents said the cost had risen by ${10 + (n % 30)} percent since the plan was first proposed. The council will publish the final budget next month.`,
    revision > 0
      ? `This version corrects the figures (revision ${revision}).`
      : 'Residents can comment until the end of the year.',
  ];
  if (n % 3 === 1) {
    const html = `<html><head><title>${paragraphs[0]}</title></head><body><article><h1>${paragraphs[0]}</h1>${paragraphs
      .slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    return { body: html, contentType: 'text/html', extension: 'html' };
  }
  if (n % 3 === 2) {
    return {
      body: `# ${paragraphs[0]}\n\n${paragraphs.slice(1).join('\n\n')}\n`,
      contentType: 'text/markdown',
      extension: 'md',
    };
  }
  return { body: paragraphs.join('\n\n'), contentType: 'text/plain', extension: 'txt' };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

interface Upload {
  readonly key: string;
  readonly eTag: string;
  readonly versionId: string;
  readonly size: number;
}

async function main(): Promise<void> {
  const [s3Port, dynamodbPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'precis-chaos-'));
  const endpoint = `http://127.0.0.1:${s3Port}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const stack = new StackProcess(
    {
      ...process.env,
      PRECIS_S3_PORT: String(s3Port),
      PRECIS_DYNAMODB_PORT: String(dynamodbPort),
      PRECIS_API_PORT: String(apiPort),
      PRECIS_DATA_DIR: dataDir,
      PRECIS_VISIBILITY_TIMEOUT: String(VISIBILITY_TIMEOUT_SECONDS),
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      ...(Number(FAULT_RATE) > 0 ? { PRECIS_FAULT_RATE: FAULT_RATE } : {}),
    },
    apiUrl,
    join(dataDir, 'stack.log'),
  );
  const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
  const s3 = new S3Client({ ...clientConfig, endpoint, forcePathStyle: true });
  const sqs = new SQSClient({ ...clientConfig, endpoint });
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...clientConfig, endpoint: `http://127.0.0.1:${dynamodbPort}` }),
  );
  const started = Date.now();
  console.error(
    `chaos: ${UPLOADS} uploads, ${KILLS} SIGKILLs, fault rate ${FAULT_RATE}; data and log in ${dataDir}`,
  );
  await stack.start();

  /** Retries `run` until the stack answers (it may be down between a kill and its restart). */
  async function persist<T>(run: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await run();
      } catch {
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  const uploads: Upload[] = [];
  /** key \n ETag -> PUTs sent with that content (a PUT cut off by a kill may still have stored it). */
  const putsSent = new Map<string, number>();
  async function upload(key: string, body: string, contentType: string): Promise<Upload> {
    const eTag = md5(body);
    for (;;) {
      putsSent.set(`${key}\n${eTag}`, (putsSent.get(`${key}\n${eTag}`) ?? 0) + 1);
      try {
        const output = await s3.send(
          new PutObjectCommand({
            Bucket: LOCAL_NAMES.bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
          }),
        );
        if (output.VersionId === undefined) throw new Error(`no version id for ${key}`);
        const done = { key, eTag, versionId: output.VersionId, size: Buffer.byteLength(body) };
        uploads.push(done);
        return done;
      } catch {
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  // Uploads, with the rapid overwrites spread among them, and kills spread over them.
  const plan: Array<() => Promise<unknown>> = [];
  const single = UPLOADS - OVERWRITTEN_KEYS * 2;
  const overwriteEvery = Math.max(1, Math.floor(single / OVERWRITTEN_KEYS));
  let overwritten = 0;
  for (let n = 0; n < single; n += 1) {
    const { body, contentType, extension } = article(n);
    const key = `incoming/chaos/${n}${AWKWARD[n % AWKWARD.length]}.${extension}`;
    plan.push(() => upload(key, body, contentType));
    if (n % overwriteEvery === 0 && overwritten < OVERWRITTEN_KEYS) {
      const key = `incoming/chaos/overwritten ${overwritten}.txt`;
      const [first, second] = [article(1000 + overwritten).body, article(1000 + overwritten, 1).body];
      overwritten += 1;
      plan.push(async () => {
        const firstDone = upload(key, first, 'text/plain');
        await sleep(10);
        await Promise.all([firstDone, upload(key, second, 'text/plain')]);
      });
    }
  }
  const killAt = Array.from({ length: KILLS }, (_, k) => Math.floor(((k + 1) * plan.length) / (KILLS + 1)));
  let next = 0;
  let killed = 0;
  const killer = (async () => {
    for (const at of killAt) {
      while (next < at) await sleep(50);
      await stack.kill();
      killed += 1;
      console.error(`chaos: SIGKILL ${killed} after ${uploads.length} acknowledged uploads`);
      await sleep(500);
      await stack.start();
    }
  })();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < plan.length) {
        const task = plan[next] as () => Promise<unknown>;
        next += 1;
        await task();
      }
    }),
  );
  await killer;

  // Duplicate notifications for a third of the uploads, sent re-ordered (newest first), and malformed ones.
  const queueUrl = (await persist(() => sqs.send(new GetQueueUrlCommand({ QueueName: LOCAL_NAMES.queue }))))
    .QueueUrl as string;
  const duplicated = uploads.filter((_, index) => index % Math.round(1 / DUPLICATE_SHARE) === 0).reverse();
  const bodies = [
    ...duplicated.map((u, index) =>
      JSON.stringify(
        buildS3Event(LOCAL_NAMES.bucket, LOCAL_REGION, {
          key: u.key,
          size: u.size,
          eTag: u.eTag,
          versionId: u.versionId,
          lastModified: new Date(),
          sequencer: String(index + 1).padStart(18, '0'),
        }),
      ),
    ),
    ...MALFORMED,
  ];
  for (let start = 0; start < bodies.length; start += 10) {
    const batch = bodies.slice(start, start + 10);
    await persist(() =>
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((body, index) => ({ Id: String(index), MessageBody: body })),
        }),
      ),
    );
  }
  console.error(
    `chaos: ${uploads.length} uploads acknowledged, ${duplicated.length} duplicate and ${MALFORMED.length} malformed notifications sent; waiting for Results`,
  );

  // Wait until every acknowledged upload has a terminal Result and the queue is drained.
  const idOf = (u: Upload) =>
    objectArticleId({ bucket: LOCAL_NAMES.bucket, key: u.key, version: u.versionId });
  /** The API's answer; its handler meets the injected faults too, so a 5xx is asked again. */
  const getJson = (path: string): Promise<unknown> =>
    persist(async () => {
      const response = await fetch(`${apiUrl}${path}`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    });
  const resultOf = async (id: string) =>
    (await getJson(`/articles/${encodeURIComponent(id)}`)) as Result | undefined;
  const terminal = (r: Result | undefined) => r?.status === 'DONE' || r?.status === 'FAILED';
  const waiting = async () => {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes.ApproximateNumberOfMessages) +
      Number(Attributes.ApproximateNumberOfMessagesNotVisible)
    );
  };
  const results = new Map<string, Result | undefined>();
  const settleBy = Date.now() + SETTLE_WITHIN_MS;
  for (;;) {
    for (const u of uploads) {
      const id = idOf(u);
      if (!terminal(results.get(id))) results.set(id, await resultOf(id));
    }
    const open = uploads.filter((u) => !terminal(results.get(idOf(u)))).length;
    if ((open === 0 && (await waiting()) === 0) || Date.now() > settleBy) break;
    await sleep(1_000);
  }

  // Count.
  const final = uploads.map((u) => results.get(idOf(u)));
  const done = final.filter((r) => r?.status === 'DONE');
  const lost = final.filter((r) => r === undefined).length;
  const stuckIds = new Set(final.filter((r) => r !== undefined && !terminal(r)).map((r) => r?.id));
  let duplicates = 0;
  for (const key of new Set(uploads.map((u) => u.key))) {
    const { items: listed } = (await getJson(`/articles?key=${encodeURIComponent(key)}`)) as {
      items: Result[];
    };
    for (const r of listed) if (!terminal(r)) stuckIds.add(r.id);
    const perContent = new Map<string, number>();
    for (const r of listed)
      perContent.set(r.source.etag ?? '', (perContent.get(r.source.etag ?? '') ?? 0) + 1);
    for (const [eTag, count] of perContent) {
      const extra = count - (putsSent.get(`${key}\n${eTag}`) ?? 0);
      if (extra <= 0) continue;
      duplicates += extra;
      const copies = listed.filter((r) => r.source.etag === eTag).map((r) => [r.id, r.status, r.source]);
      console.error(`chaos: duplicated ${JSON.stringify(key)}: ${JSON.stringify(copies)}`);
    }
  }
  let unindexed = 0;
  for (const r of done) {
    const top = r?.facts.entities[0];
    if (r === undefined || top === undefined) continue;
    // The article's index item for its most salient entity: in the name's partition, sk `<upload order>#<id>`.
    const { Items = [] } = await ddb.send(
      new QueryCommand({
        TableName: LOCAL_NAMES.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': entityPartitionOf(top.type, top.name, r.id) },
      }),
    );
    if (!Items.some((item) => String(item.sk).endsWith(`#${r.id}`))) unindexed += 1;
  }
  const failed = final.filter((r) => r?.status === 'FAILED');
  await stack.kill('SIGTERM');
  for (const client of [s3, sqs]) client.destroy();
  ddb.destroy();

  console.error(
    `chaos: ${killed} SIGKILLs, ${Math.round((Date.now() - started) / 1000)} s; failed codes: ${JSON.stringify(
      Object.fromEntries(
        [...new Set(failed.map((r) => r?.error?.code))].map((code) => [
          code,
          failed.filter((r) => r?.error?.code === code).length,
        ]),
      ),
    )}`,
  );
  console.log(
    `uploaded ${uploads.length}, done ${done.length}, failed ${failed.length}, lost ${lost}, duplicated ${duplicates}, stuck ${stuckIds.size}, unindexed ${unindexed}`,
  );
  if (!args['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  process.exitCode = lost === 0 && duplicates === 0 && stuckIds.size === 0 && unindexed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error('chaos: could not run', error);
  process.exitCode = 2;
});
