/**
 * `npm run cost`: what 1 million articles of 5 KB cost on AWS in us-east-1, computed from the benchmarks'
 * JSON (bench/results/perf.json from `npm run bench:perf`, bench/results/large.json from
 * `npm run bench:large`), so the figure moves when performance does. It also chooses the process function's
 * memory size by the same model, and draws docs/cost-per-article.svg: cost and time per article against
 * article size. Usage that the machine cannot measure (AWS call latency, log volume) is an assumption,
 * named in ASSUMPTIONS and printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toItem } from '#shared/adapters/article-store.ts';
import { indexEntries } from '#shared/adapters/entity-index.ts';
import { processArticle } from '#shared/process-article.ts';
import type { Result } from '#shared/result.ts';
import { uploadOrder } from '#shared/use-cases/article-id.ts';
import { renderResultPage } from '#shared/viewer/render-page.ts';
import { PROCESS_MEMORY_MB } from '../infra/function-sizing.ts';
import { LAMBDA_MB_PER_VCPU, AWS_PRICES as PRICE } from './aws-prices.ts';
import { type CnndmArticle, readCnndmArticles } from './cnndm.ts';
import { drawCostPlot } from './cost-plot.ts';
import { writeResults } from './measure.ts';

const ARTICLES = 1_000_000;
const ARTICLE_BYTES = 5_000;
/** Articles of the dev set this close to 5 KB stand for a 5 KB article's Result, page and entities. */
const NEAR_BYTES = 1_500;
const BATCH_SIZE = 10;
const PROCESS_TIMEOUT_S = 60;
/** The worst input must finish within this share of the timeout. */
const TIMEOUT_SHARE = 0.75;
/** Memory sizes the model compares for the process function. */
const MEMORY_SIZES_MB = [512, 1024, 1536, 1769, 2048, 3008];
const API_MEMORY_MB = 512;
/** The share of memory the V8 heap may fill (infra/function-sizing.ts). */
const HEAP_SHARE = 0.75;

/** What this machine cannot measure: each is a stated assumption. */
export const ASSUMPTIONS = {
  /**
   * AWS calls per article in `process`, in sequence: HEAD, GET, 2 idempotency writes, the Result's consistent read
   * and PROCESSING update, the entity manifest's read and write, the index entries and their name counts (written
   * concurrently: one round), DONE put, 2 S3 PUTs.
   */
  awsCallsPerArticle: 12,
  /** Latency of one AWS call from Lambda in the same region. */
  msPerAwsCall: 15,
  /** The records of a batch are processed concurrently, so their calls overlap this much. */
  overlappingRecords: BATCH_SIZE,
  /** Share of invocations that are cold starts (INIT is billed). */
  coldStartShare: 0.01,
  /** An api invocation (POST /articles, GET /articles/{id}): a few ms of CPU, two or three AWS calls. */
  apiMsPerRequest: 40,
  /** Each article is submitted through POST /articles and its Result read once through GET /articles/{id}. */
  apiRequestsPerArticle: 2,
  /** Log bytes: per process invocation (START, END, REPORT, EMF metrics), per article, per api request. */
  logBytesPerInvocation: 1_000,
  logBytesPerArticle: 400,
  logBytesPerApiRequest: 1_200,
  /** SQS requests per article beyond the notification: receive and delete, per batch. */
  sqsRequestsPerBatch: 2,
} as const;

interface PerfResults {
  readonly measuredAt: string;
  readonly load: string;
  readonly core: { readonly samples: readonly { bytes: number; cpuMs: number }[] };
  readonly coldStarts: readonly { bundle: string; importCpuMs: number; firstArticleCpuMs?: number }[];
}

interface LargeResults {
  readonly rows: readonly { name: string; bytes: number; cpuSeconds: number; peakMiB: number }[];
}

const readJson = <T>(name: string): T | undefined => {
  try {
    return JSON.parse(readFileSync(new URL(`./results/${name}.json`, import.meta.url), 'utf8')) as T;
  } catch {
    console.log(`bench/results/${name}.json not found: run npm run bench:${name} first`);
    return undefined;
  }
};

/** Least-squares line cpuMs = fixedMs + msPerByte * bytes over the dev articles. */
function fitCpu(samples: readonly { bytes: number; cpuMs: number }[]) {
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.bytes, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.cpuMs, 0) / n;
  const sxy = samples.reduce((sum, s) => sum + (s.bytes - meanX) * (s.cpuMs - meanY), 0);
  const sxx = samples.reduce((sum, s) => sum + (s.bytes - meanX) ** 2, 0);
  const msPerByte = sxy / sxx;
  return { fixedMs: meanY - msPerByte * meanX, msPerByte };
}

/** The upload order an S3 notification gives an article: the index entries' sort keys hold it. */
const ORDER = uploadOrder({ eventTime: '2026-11-30T12:00:00.000Z', sequencer: '0067F1A2B3C4D5E6F7' });

/** A 5 KB article's footprint, measured on the dev articles near 5 KB: what it stores and indexes. */
function footprint(articles: readonly CnndmArticle[]) {
  const near = articles.filter((a) => Math.abs(Buffer.byteLength(a.text) - ARTICLE_BYTES) <= NEAR_BYTES);
  const results: Result[] = near.map((article, index) =>
    processArticle(
      {
        id: `near-${index}`,
        source: { bucket: 'b', key: `incoming/${index}.txt`, bytes: Buffer.byteLength(article.text) },
        bytes: new TextEncoder().encode(article.text),
      },
      {},
    ),
  );
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const itemBytes = results.map((result) =>
    Buffer.byteLength(
      JSON.stringify(toItem(result, { bucket: 'b', key: result.source.key ?? '', order: '' })),
    ),
  );
  return {
    articles: near.length,
    itemBytes: mean(itemBytes),
    textBytes: mean(results.map((r) => Buffer.byteLength(r.text))),
    pageBytes: mean(results.map((r) => Buffer.byteLength(renderResultPage(r)))),
    // Index entries: one per salient entity and folded name (aliases that fold apart make more than one).
    indexedEntities: mean(results.map((r) => indexEntries(r, ORDER).length)),
    // The article's entity manifest: the keys of its index entries.
    manifestBytes: mean(
      results.map((r) =>
        Buffer.byteLength(
          JSON.stringify({
            pk: `ARTICLE#${r.id}`,
            sk: 'ENTITIES',
            entries: indexEntries(r, ORDER).map(({ pk, sk }) => ({ pk, sk })),
          }),
        ),
      ),
    ),
  };
}

const vcpu = (memoryMb: number) => Math.min(1, memoryMb / LAMBDA_MB_PER_VCPU);

/** Billed ms of the process function per article of `bytes`, at `memoryMb`. */
function processMsPerArticle(
  bytes: number,
  memoryMb: number,
  cpu: ReturnType<typeof fitCpu>,
  initMs: number,
) {
  const cpuMs = cpu.fixedMs + cpu.msPerByte * bytes;
  const ioMs = (ASSUMPTIONS.awsCallsPerArticle * ASSUMPTIONS.msPerAwsCall) / ASSUMPTIONS.overlappingRecords;
  const coldMs = (ASSUMPTIONS.coldStartShare * initMs) / BATCH_SIZE;
  return (cpuMs + coldMs) / vcpu(memoryMb) + ioMs;
}

type Fp = ReturnType<typeof footprint>;

/** DynamoDB write units an article costs, from POST /articles to its DONE Result and index. */
function writeUnitsPerArticle(itemBytes: number, fp: Fp): number {
  return (
    1 + // PENDING, from POST /articles
    1 + // PROCESSING
    Math.ceil(Math.min(itemBytes, 400_000) / 1024) + // DONE
    2 * fp.indexedEntities + // entity index items and their names' counts, 1 KB or less each
    Math.ceil(fp.manifestBytes / 1024) + // the entity manifest, written once on a first run
    2 // idempotency record: in progress, then completed
  );
}

/** Dollars per article of `bytes` at `memoryMb`, by service. */
function costPerArticle(
  bytes: number,
  memoryMb: number,
  cpu: ReturnType<typeof fitCpu>,
  initMs: number,
  fp: Fp,
) {
  const scale = bytes / ARTICLE_BYTES;
  const processMs = processMsPerArticle(bytes, memoryMb, cpu, initMs);
  const apiGbSeconds =
    ASSUMPTIONS.apiRequestsPerArticle * (API_MEMORY_MB / 1024) * (ASSUMPTIONS.apiMsPerRequest / 1000);
  const itemBytes = fp.itemBytes * Math.max(1, scale);
  const writeUnits = writeUnitsPerArticle(itemBytes, fp);
  const readUnits =
    0.5 * Math.ceil(Math.min(itemBytes, 400_000) / 4096) + // GET /articles/{id}, eventually consistent
    2; // process: the Result's and the manifest's consistent reads (small items, 1 unit each)
  const storedS3Bytes = bytes + fp.textBytes * scale + fp.pageBytes * Math.max(1, scale);
  const storedTableBytes = itemBytes + fp.indexedEntities * 200 + fp.manifestBytes;
  const logBytes =
    ASSUMPTIONS.logBytesPerInvocation / BATCH_SIZE +
    ASSUMPTIONS.logBytesPerArticle +
    ASSUMPTIONS.apiRequestsPerArticle * ASSUMPTIONS.logBytesPerApiRequest;
  const gb = 1024 ** 3;
  return {
    lambda:
      PRICE.lambdaPerRequest * (1 / BATCH_SIZE + ASSUMPTIONS.apiRequestsPerArticle) +
      PRICE.lambdaPerGbSecond * ((memoryMb / 1024) * (processMs / 1000) + apiGbSeconds),
    sqs: PRICE.sqsPerRequest * (1 + ASSUMPTIONS.sqsRequestsPerBatch / BATCH_SIZE),
    s3: PRICE.s3PerPut * 3 + PRICE.s3PerGet * 2 + (PRICE.s3PerGbMonth * storedS3Bytes) / gb,
    dynamodb:
      PRICE.dynamodbPerWriteUnit * writeUnits +
      PRICE.dynamodbPerReadUnit * readUnits +
      (PRICE.dynamodbPerGbMonth * storedTableBytes) / gb,
    apiGateway: PRICE.httpApiPerRequest * ASSUMPTIONS.apiRequestsPerArticle,
    logs: ((PRICE.logsPerGbIngested + PRICE.logsPerGbMonth) * logBytes) / gb,
    processMs,
  };
}

const total = (cost: ReturnType<typeof costPerArticle>) =>
  cost.lambda + cost.sqs + cost.s3 + cost.dynamodb + cost.apiGateway + cost.logs;

/**
 * The cheapest memory size for 5 KB articles among those that can take the worst input of bench:large:
 * its peak memory within the heap share, and its CPU time (at that memory's share of a vCPU) within 75% of the
 * function's timeout.
 */
function chooseMemory(large: LargeResults, cpu: ReturnType<typeof fitCpu>, initMs: number, fp: Fp) {
  const worstCpu = Math.max(...large.rows.map((row) => row.cpuSeconds));
  const worstPeak = Math.max(...large.rows.map((row) => row.peakMiB));
  const rows = MEMORY_SIZES_MB.map((memoryMb) => {
    const worstSeconds = worstCpu / vcpu(memoryMb);
    const fits = worstPeak <= HEAP_SHARE * memoryMb && worstSeconds <= TIMEOUT_SHARE * PROCESS_TIMEOUT_S;
    const cost = costPerArticle(ARTICLE_BYTES, memoryMb, cpu, initMs, fp);
    return { memoryMb, perMillion: total(cost) * ARTICLES, processMs: cost.processMs, worstSeconds, fits };
  });
  const chosen = rows.filter((row) => row.fits).sort((a, b) => a.perMillion - b.perMillion)[0];
  return { rows, chosen, worstCpu, worstPeak };
}

/**
 * Throughput and DynamoDB write rate by concurrency (the queue's `maxConcurrency`, a backfill's
 * `concurrency`): each concurrent invocation processes articles one after another on its vCPU, its AWS calls
 * overlapping; DynamoDB on-demand serves a new table up to 4,000 write units a second at once (then up to
 * twice its previous peak), so a rate above that is throttled (and retried) until the table has adapted.
 */
export const ON_DEMAND_INITIAL_WRITE_UNITS_PER_SECOND = 4_000;
const CONCURRENCIES = [1, 5, 10, 25, 50, 100];

function scaleTable(processMs: number, writeUnits: number) {
  return CONCURRENCIES.map((concurrency) => {
    const articlesPerSecond = (concurrency * 1000) / processMs;
    return {
      concurrency,
      articlesPerSecond,
      hoursPerMillion: ARTICLES / articlesPerSecond / 3600,
      writeUnitsPerSecond: articlesPerSecond * writeUnits,
    };
  });
}

const dollars = (value: number) => `$${value.toFixed(2)}`;

async function main(): Promise<void> {
  const perf = readJson<PerfResults>('perf');
  const large = readJson<LargeResults>('large');
  const articles = readCnndmArticles();
  if (perf === undefined || large === undefined || articles === undefined) return;
  const cpu = fitCpu(perf.core.samples);
  const cold = perf.coldStarts.find((start) => start.bundle === 'process');
  const initMs = (cold?.importCpuMs ?? 0) + (cold?.firstArticleCpuMs ?? 0);
  const fp = footprint(articles);
  const memory = chooseMemory(large, cpu, initMs, fp);
  const memoryMb = PROCESS_MEMORY_MB;
  const cost = costPerArticle(ARTICLE_BYTES, memoryMb, cpu, initMs, fp);
  const services = ['lambda', 'sqs', 's3', 'dynamodb', 'apiGateway', 'logs'] as const;

  console.log(
    `Cost of ${ARTICLES.toLocaleString('en')} articles of ${ARTICLE_BYTES / 1000} KB, ${PRICE.region} list prices read on ${PRICE.readOn}`,
  );
  console.log(
    `from bench:perf of ${perf.measuredAt} (${perf.load}); CPU per article = ${cpu.fixedMs.toFixed(2)} ms + ${(cpu.msPerByte * 1000).toFixed(3)} ms per KB`,
  );
  console.log(
    `a 5 KB article (mean of ${fp.articles} dev articles within ${NEAR_BYTES} bytes): item ${fp.itemBytes.toFixed(0)} B, text ${fp.textBytes.toFixed(0)} B, page ${fp.pageBytes.toFixed(0)} B, ${fp.indexedEntities.toFixed(1)} index entries, manifest ${fp.manifestBytes.toFixed(0)} B`,
  );
  console.log('\n| memory MB | process ms per article | worst 5 MiB input s | fits | $ per 1M |');
  for (const row of memory.rows) {
    console.log(
      `| ${row.memoryMb} | ${row.processMs.toFixed(1)} | ${row.worstSeconds.toFixed(1)} | ${row.fits ? 'yes' : 'no'} | ${dollars(row.perMillion)} |`,
    );
  }
  console.log(
    `\nchosen by the model: ${memory.chosen?.memoryMb} MB; deployed: ${memoryMb} MB (infra/function-sizing.ts)`,
  );
  console.log('\n| service | $ per 1M articles |');
  for (const service of services) console.log(`| ${service} | ${dollars(cost[service] * ARTICLES)} |`);
  console.log(`| **total** | **${dollars(total(cost) * ARTICLES)}** |`);

  const scale = scaleTable(cost.processMs, writeUnitsPerArticle(fp.itemBytes, fp));
  console.log('\n| concurrency | articles/s | hours per 1M | DynamoDB write units/s |');
  for (const row of scale) {
    console.log(
      `| ${row.concurrency} | ${row.articlesPerSecond.toFixed(0)} | ${row.hoursPerMillion.toFixed(1)} | ${row.writeUnitsPerSecond.toFixed(0)}${row.writeUnitsPerSecond > ON_DEMAND_INITIAL_WRITE_UNITS_PER_SECOND ? " (over a new table's 4,000: throttled at first)" : ''} |`,
    );
  }

  const sizes = [
    1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000,
  ];
  const points = sizes.map((bytes) => {
    const at = costPerArticle(bytes, memoryMb, cpu, initMs, fp);
    return { bytes, dollarsPerMillion: total(at) * ARTICLES, processMs: at.processMs };
  });
  const svg = drawCostPlot(points, {
    title: `precis on AWS (${PRICE.region}, ${memoryMb} MB): cost and time per article by size`,
    note: `bench:perf ${perf.measuredAt.slice(0, 10)}, prices read ${PRICE.readOn}`,
  });
  const plot = fileURLToPath(new URL('../docs/cost-per-article.svg', import.meta.url));
  writeFileSync(plot, svg);
  const file = writeResults('cost', {
    prices: PRICE,
    assumptions: ASSUMPTIONS,
    cpuFit: cpu,
    initMs,
    footprint: fp,
    memory,
    deployedMemoryMb: memoryMb,
    perMillion: Object.fromEntries(services.map((service) => [service, cost[service] * ARTICLES])),
    totalPerMillion: total(cost) * ARTICLES,
    writeUnitsPerArticle: writeUnitsPerArticle(fp.itemBytes, fp),
    scale,
    bySize: points,
  });
  console.log(`\nwrote ${file} and ${plot}`);
}

await main();
