/**
 * `npm run bench:e2e`: 1,000 uploads through the local stack (`npm start`'s wiring: S3 -> notification ->
 * SQS -> the process handler -> DynamoDB, and the HTTP API), the CNN/DM dev articles cycled. Reports, per
 * upload, the time from its PUT returning to its DONE Result being in the table (seen by a scan every
 * 250 ms), p50 and p95; sustained articles per minute; the CPU time of the whole stack per article (the
 * emulators run in this process); and that nothing was lost: every upload has exactly one final Result,
 * read back through the HTTP API. Latency is wall time by nature: the machine's load is printed with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_NAMES, LOCAL_REGION } from '../local/settings.ts';
import { startLocalStack } from '../local/stack.ts';
import { readCnndmArticles } from './cnndm.ts';
import { loadNote, quantile, writeResults } from './measure.ts';

const UPLOADS = Number(process.env.PRECIS_E2E_UPLOADS ?? 1_000);
const UPLOAD_CONCURRENCY = 10;
const SCAN_INTERVAL_MS = 250;
const DEADLINE_MS = 30 * 60_000;
const PREFIX = 'incoming/e2e/';

async function main(): Promise<void> {
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  for (const [name, value] of Object.entries({
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
  })) {
    process.env[name] ??= value;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'precis-e2e-'));
  const stack = await startLocalStack({
    dataDir,
    ports: { s3: 0, dynamodb: 0, api: 0 },
    visibilityTimeoutSeconds: 30,
    log: (message, details) => console.error(`[local stack] ${message}`, details ?? ''),
  });
  const config = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const s3 = new S3Client({ ...config, endpoint: stack.endpoints.s3, forcePathStyle: true });
  const dynamodb = new DynamoDBClient({ ...config, endpoint: stack.endpoints.dynamodb });
  const table = DynamoDBDocumentClient.from(dynamodb);
  try {
    console.log(`bench:e2e, ${UPLOADS} uploads through the local stack, ${loadNote()} on 2 shared cores`);
    const uploadedAt = new Map<string, number>();
    const doneAt = new Map<string, number>();
    const cpuStart = process.cpuUsage();
    const started = Date.now();
    let next = 0;
    const upload = async () => {
      while (next < UPLOADS) {
        const index = next++;
        const article = articles[index % articles.length];
        const key = `${PREFIX}${String(index).padStart(5, '0')}.txt`;
        await s3.send(
          new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: article?.text ?? '' }),
        );
        uploadedAt.set(key, Date.now());
      }
    };
    const uploads = Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, upload));
    const statuses = new Map<string, string>();
    while (doneAt.size < UPLOADS && Date.now() - started < DEADLINE_MS) {
      await sleep(SCAN_INTERVAL_MS);
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await table.send(new ScanCommand({ TableName: LOCAL_NAMES.table, ExclusiveStartKey }));
        for (const item of page.Items ?? []) {
          const key = (item.source as { key?: string } | undefined)?.key;
          if (item.sk !== 'RESULT' || key === undefined || !key.startsWith(PREFIX)) continue;
          statuses.set(key, String(item.status));
          if ((item.status === 'DONE' || item.status === 'FAILED') && !doneAt.has(key))
            doneAt.set(key, Date.now());
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey !== undefined);
    }
    await uploads;
    const { user, system } = process.cpuUsage(cpuStart);
    const latencies = [...doneAt].map(([key, at]) => (at - (uploadedAt.get(key) ?? at)) / 1000);
    const last = Math.max(...doneAt.values());
    const finals = await Promise.all(
      [...uploadedAt.keys()].map(async (key) => {
        const response = await fetch(`${stack.endpoints.api}/articles?key=${encodeURIComponent(key)}`);
        const body = (await response.json()) as { items?: { status: string }[] };
        return (body.items ?? []).filter((item) => item.status === 'DONE' || item.status === 'FAILED').length;
      }),
    );
    const results = {
      measuredAt: new Date().toISOString(),
      load: loadNote(),
      uploads: UPLOADS,
      final: doneAt.size,
      done: [...statuses.values()].filter((status) => status === 'DONE').length,
      exactlyOneFinalThroughApi: finals.filter((count) => count === 1).length,
      lost: UPLOADS - doneAt.size,
      p50Seconds: quantile(latencies, 0.5),
      p95Seconds: quantile(latencies, 0.95),
      articlesPerMinute: (doneAt.size * 60_000) / (last - started),
      cpuMsPerArticle: (user + system) / 1000 / UPLOADS,
    };
    console.log(
      `${results.final} of ${UPLOADS} final (${results.done} DONE), ${results.exactlyOneFinalThroughApi} with exactly one final Result through the API, ${results.lost} lost; ` +
        `upload -> DONE p50 ${results.p50Seconds.toFixed(2)} s, p95 ${results.p95Seconds.toFixed(2)} s (wall, polled every ${SCAN_INTERVAL_MS} ms); ` +
        `${results.articlesPerMinute.toFixed(0)} articles/min sustained; ${results.cpuMsPerArticle.toFixed(1)} ms CPU per article for the whole stack`,
    );
    console.log(`wrote ${writeResults('e2e', results)}`);
  } finally {
    s3.destroy();
    dynamodb.destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
