/**
 * The cost model of `npm run cost` (bench/cost.ts), pure: the benchmarks' JSON read into types at the
 * boundary, and what an article costs by service, at a memory size, from the measured CPU time and footprint.
 * Usage that the machine cannot measure (AWS call latency, log volume) is an assumption, named in ASSUMPTIONS.
 */
import * as z from 'zod';
import { LAMBDA_MB_PER_VCPU, AWS_PRICES as PRICE } from './aws-prices.ts';

export const ARTICLES = 1_000_000;
export const ARTICLE_BYTES = 5_000;
export const BATCH_SIZE = 10;
const PROCESS_TIMEOUT_S = 60;
/** The worst input must finish within this share of the timeout. */
const TIMEOUT_SHARE = 0.75;
/** Memory sizes the model compares for the process function. */
export const MEMORY_SIZES_MB = [512, 1024, 1536, 1769, 2048, 3008];
const API_MEMORY_MB = 512;
/** The share of memory the V8 heap may fill (infra/function-sizing.ts). */
const HEAP_SHARE = 0.75;
const GB = 1024 ** 3;

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

/** bench/results/perf.json, as `npm run bench:perf` writes it: the parts the model reads. */
export const perfResultsSchema = z.object({
  measuredAt: z.string(),
  load: z.string(),
  core: z.object({ samples: z.array(z.object({ bytes: z.number(), cpuMs: z.number() })).min(2) }),
  coldStarts: z.array(
    z.object({ bundle: z.string(), importCpuMs: z.number(), firstArticleCpuMs: z.number().optional() }),
  ),
});
export type PerfResults = z.infer<typeof perfResultsSchema>;

/**
 * bench/results/large.json, as `npm run bench:large` writes it since session 16: each row with the peak RSS of
 * each pass of the input on its own (`passPeaksMiB`), beside the child's peak over all its passes. A file
 * without them (earlier runs) is refused: its one peak is over every pass in the child, not what one needs.
 */
export const largeResultsSchema = z.object({
  date: z.string(),
  load: z.string(),
  rows: z
    .array(
      z.object({
        name: z.string(),
        bytes: z.number(),
        status: z.string(),
        cpuSeconds: z.number(),
        passPeaksMiB: z.array(z.number()).min(1),
        // False where the kernel could not reset the peak (no /proc/self/clear_refs): each "pass peak" is then
        // the process's peak so far.
        ownPassPeaks: z.literal(true),
        processPeakMiB: z.number(),
      }),
    )
    .min(1),
});
export type LargeResults = z.infer<typeof largeResultsSchema>;

/** Least-squares line cpuMs = fixedMs + msPerByte * bytes over the dev articles. */
export function fitCpu(samples: readonly { bytes: number; cpuMs: number }[]) {
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.bytes, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.cpuMs, 0) / n;
  const sxy = samples.reduce((sum, s) => sum + (s.bytes - meanX) * (s.cpuMs - meanY), 0);
  const sxx = samples.reduce((sum, s) => sum + (s.bytes - meanX) ** 2, 0);
  const msPerByte = sxy / sxx;
  return { fixedMs: meanY - msPerByte * meanX, msPerByte };
}
export type CpuFit = ReturnType<typeof fitCpu>;

/** What a 5 KB article stores and indexes (measured by bench/cost.ts on the dev articles near 5 KB). */
export interface Footprint {
  readonly articles: number;
  readonly itemBytes: number;
  readonly textBytes: number;
  readonly pageBytes: number;
  /** Entity index entries: one per salient entity and folded name. */
  readonly indexedEntities: number;
  readonly manifestBytes: number;
}

/** What the process function's time is made of: CPU per article, and the billed init of a cold start. */
export interface ProcessTime {
  readonly cpu: CpuFit;
  readonly initMs: number;
}

export const vcpu = (memoryMb: number) => Math.min(1, memoryMb / LAMBDA_MB_PER_VCPU);

/** Billed ms of the process function per article of `bytes`, at `memoryMb`. */
export function processMsPerArticle(bytes: number, memoryMb: number, time: ProcessTime): number {
  const cpuMs = time.cpu.fixedMs + time.cpu.msPerByte * bytes;
  const ioMs = (ASSUMPTIONS.awsCallsPerArticle * ASSUMPTIONS.msPerAwsCall) / ASSUMPTIONS.overlappingRecords;
  const coldMs = (ASSUMPTIONS.coldStartShare * time.initMs) / BATCH_SIZE;
  return (cpuMs + coldMs) / vcpu(memoryMb) + ioMs;
}

/** DynamoDB write units an article costs, from POST /articles to its DONE Result and index. */
export function writeUnitsPerArticle(itemBytes: number, fp: Footprint): number {
  return (
    1 + // PENDING, from POST /articles
    1 + // PROCESSING
    Math.ceil(Math.min(itemBytes, 400_000) / 1024) + // DONE
    2 * fp.indexedEntities + // entity index items and their names' counts, 1 KB or less each
    Math.ceil(fp.manifestBytes / 1024) + // the entity manifest, written once on a first run
    2 // idempotency record: in progress, then completed
  );
}

/** DynamoDB read units an article costs. */
export function readUnitsPerArticle(itemBytes: number): number {
  return (
    0.5 * Math.ceil(Math.min(itemBytes, 400_000) / 4096) + // GET /articles/{id}, eventually consistent
    2 // process: the Result's and the manifest's consistent reads (small items, 1 unit each)
  );
}

/** Dollars per article of `bytes` at `memoryMb`, by service, and the process function's billed ms. */
export function costPerArticle(bytes: number, memoryMb: number, time: ProcessTime, fp: Footprint) {
  const scale = bytes / ARTICLE_BYTES;
  const processMs = processMsPerArticle(bytes, memoryMb, time);
  const apiGbSeconds =
    ASSUMPTIONS.apiRequestsPerArticle * (API_MEMORY_MB / 1024) * (ASSUMPTIONS.apiMsPerRequest / 1000);
  const itemBytes = fp.itemBytes * Math.max(1, scale);
  const storedS3Bytes = bytes + fp.textBytes * scale + fp.pageBytes * Math.max(1, scale);
  const storedTableBytes = itemBytes + fp.indexedEntities * 200 + fp.manifestBytes;
  const logBytes =
    ASSUMPTIONS.logBytesPerInvocation / BATCH_SIZE +
    ASSUMPTIONS.logBytesPerArticle +
    ASSUMPTIONS.apiRequestsPerArticle * ASSUMPTIONS.logBytesPerApiRequest;
  return {
    lambda:
      PRICE.lambdaPerRequest * (1 / BATCH_SIZE + ASSUMPTIONS.apiRequestsPerArticle) +
      PRICE.lambdaPerGbSecond * ((memoryMb / 1024) * (processMs / 1000) + apiGbSeconds),
    sqs: PRICE.sqsPerRequest * (1 + ASSUMPTIONS.sqsRequestsPerBatch / BATCH_SIZE),
    s3: PRICE.s3PerPut * 3 + PRICE.s3PerGet * 2 + (PRICE.s3PerGbMonth * storedS3Bytes) / GB,
    dynamodb:
      PRICE.dynamodbPerWriteUnit * writeUnitsPerArticle(itemBytes, fp) +
      PRICE.dynamodbPerReadUnit * readUnitsPerArticle(itemBytes) +
      (PRICE.dynamodbPerGbMonth * storedTableBytes) / GB,
    apiGateway: PRICE.httpApiPerRequest * ASSUMPTIONS.apiRequestsPerArticle,
    logs: ((PRICE.logsPerGbIngested + PRICE.logsPerGbMonth) * logBytes) / GB,
    processMs,
  };
}
export type ArticleCost = ReturnType<typeof costPerArticle>;

export const SERVICES = ['lambda', 'sqs', 's3', 'dynamodb', 'apiGateway', 'logs'] as const;

export const totalCost = (cost: ArticleCost) => SERVICES.reduce((sum, service) => sum + cost[service], 0);

/**
 * The memory an input needs: the highest of its passes' own peaks (each reset at the pass's start), not the
 * child's peak, which counts its warm-up and reference passes too. Not the first pass's alone: a process that has
 * run the input once keeps the heap it grew, and the later passes peak higher (dollar-amounts at 5 MiB: 725, 803,
 * 874 MiB); one pass of that input under 1,024 MB's heap cap, whose 75% (768) its first pass's 725 would fit,
 * ran out of heap (session 16).
 */
export const passPeakMiB = (row: LargeResults['rows'][number]) => Math.max(...row.passPeaksMiB);

/**
 * The cheapest memory size for 5 KB articles among those that can take the worst input of bench:large:
 * its highest peak memory in a pass within the heap share, and its CPU time (at that memory's share of a vCPU) within
 * 75% of the function's timeout.
 */
export function chooseMemory(large: LargeResults, time: ProcessTime, fp: Footprint) {
  const worstCpu = Math.max(...large.rows.map((row) => row.cpuSeconds));
  const worstPeak = Math.max(...large.rows.map(passPeakMiB));
  const rows = MEMORY_SIZES_MB.map((memoryMb) => {
    const worstSeconds = worstCpu / vcpu(memoryMb);
    const fits = worstPeak <= HEAP_SHARE * memoryMb && worstSeconds <= TIMEOUT_SHARE * PROCESS_TIMEOUT_S;
    const cost = costPerArticle(ARTICLE_BYTES, memoryMb, time, fp);
    return {
      memoryMb,
      perMillion: totalCost(cost) * ARTICLES,
      processMs: cost.processMs,
      worstSeconds,
      fits,
    };
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

export function scaleTable(processMs: number, writeUnits: number) {
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
