/**
 * `npm run cost`: what 1 million articles of 5 KB cost on AWS in us-east-1, computed from the benchmarks'
 * JSON (bench/results/perf.json from `npm run bench:perf`, bench/results/large.json from
 * `npm run bench:large`), so the figure moves when performance does. It also chooses the process function's
 * memory size by the same model, and draws docs/cost-per-article.svg: cost and time per article against
 * article size. Usage that the machine cannot measure (AWS call latency, log volume) is an assumption,
 * named in ASSUMPTIONS and printed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';
import { toItem } from '#shared/adapters/article-store.ts';
import { indexEntries } from '#shared/adapters/entity-index.ts';
import { processArticle } from '#shared/process-article.ts';
import type { Result } from '#shared/result.ts';
import { uploadOrder } from '#shared/use-cases/article-id.ts';
import { renderResultPage } from '#shared/viewer/render-page.ts';
import { PROCESS_MEMORY_MB } from '../infra/function-sizing.ts';
import { AWS_PRICES as PRICE } from './aws-prices.ts';
import { type CnndmArticle, readCnndmArticles } from './cnndm.ts';
import {
  ARTICLE_BYTES,
  ARTICLES,
  ASSUMPTIONS,
  chooseMemory,
  costPerArticle,
  type Footprint,
  fitCpu,
  type LargeResults,
  largeResultsSchema,
  ON_DEMAND_INITIAL_WRITE_UNITS_PER_SECOND,
  type PerfResults,
  passPeakMiB,
  perfResultsSchema,
  readUnitsPerArticle,
  SERVICES,
  scaleTable,
  totalCost,
  writeUnitsPerArticle,
} from './cost-model.ts';
import { drawCostPlot } from './cost-plot.ts';
import { writeResults } from './measure.ts';

/** Articles of the dev set this close to 5 KB stand for a 5 KB article's Result, page and entities. */
const NEAR_BYTES = 1_500;

/** A benchmark's JSON in bench/results, parsed by its schema; undefined (and why, printed) if absent or stale. */
function readResults<T>(name: string, schema: { safeParse: (value: unknown) => z.ZodSafeParseResult<T> }) {
  const file = new URL(`./results/${name}.json`, import.meta.url);
  if (!existsSync(file)) {
    console.log(`bench/results/${name}.json not found: run npm run bench:${name} first`);
    return undefined;
  }
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  console.log(
    `bench/results/${name}.json is not what npm run cost reads (${issue?.path.join('.')}: ${issue?.message}; ` +
      `${parsed.error.issues.length} issues): run npm run bench:${name} again`,
  );
  return undefined;
}

/** The upload order an S3 notification gives an article: the index entries' sort keys hold it. */
const ORDER = uploadOrder({ eventTime: '2026-11-30T12:00:00.000Z', sequencer: '0067F1A2B3C4D5E6F7' });

/** A 5 KB article's footprint, measured on the dev articles near 5 KB: what it stores and indexes. */
function footprint(articles: readonly CnndmArticle[]): Footprint {
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

const dollars = (value: number) => `$${value.toFixed(2)}`;

async function main(): Promise<void> {
  const perf = readResults<PerfResults>('perf', perfResultsSchema);
  const large = readResults<LargeResults>('large', largeResultsSchema);
  const articles = readCnndmArticles();
  if (perf === undefined || large === undefined || articles === undefined) {
    process.exitCode = 1;
    return;
  }
  const cpu = fitCpu(perf.core.samples);
  const cold = perf.coldStarts.find((start) => start.bundle === 'process');
  const time = { cpu, initMs: (cold?.importCpuMs ?? 0) + (cold?.firstArticleCpuMs ?? 0) };
  const fp = footprint(articles);
  const memory = chooseMemory(large, time, fp);
  const memoryMb = PROCESS_MEMORY_MB;
  const cost = costPerArticle(ARTICLE_BYTES, memoryMb, time, fp);
  const writeUnits = writeUnitsPerArticle(fp.itemBytes, fp);

  console.log(
    `Cost of ${ARTICLES.toLocaleString('en')} articles of ${ARTICLE_BYTES / 1000} KB, ${PRICE.region} list prices read on ${PRICE.readOn}`,
  );
  console.log(
    `from bench:perf of ${perf.measuredAt} (${perf.load}); CPU per article = ${cpu.fixedMs.toFixed(2)} ms + ${(cpu.msPerByte * 1000).toFixed(3)} ms per KB`,
  );
  console.log(
    `a 5 KB article (mean of ${fp.articles} dev articles within ${NEAR_BYTES} bytes): item ${fp.itemBytes.toFixed(0)} B, text ${fp.textBytes.toFixed(0)} B, page ${fp.pageBytes.toFixed(0)} B, ${fp.indexedEntities.toFixed(1)} index entries, manifest ${fp.manifestBytes.toFixed(0)} B`,
  );
  const peakRow = large.rows.reduce((a, b) => (passPeakMiB(b) > passPeakMiB(a) ? b : a));
  const cpuRow = large.rows.reduce((a, b) => (b.cpuSeconds > a.cpuSeconds ? b : a));
  console.log(
    `from bench:large of ${large.date} (${large.load}): the highest peak of one pass ${memory.worstPeak.toFixed(0)} MiB (${peakRow.name}, ${peakRow.bytes} bytes; ` +
      `its child's peak over all its passes ${peakRow.processPeakMiB.toFixed(0)} MiB), the most CPU ${memory.worstCpu.toFixed(2)} s (${cpuRow.name}, ${cpuRow.bytes} bytes)`,
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
  for (const service of SERVICES) console.log(`| ${service} | ${dollars(cost[service] * ARTICLES)} |`);
  console.log(`| **total** | **${dollars(totalCost(cost) * ARTICLES)}** |`);
  console.log(
    `DynamoDB: ${writeUnits.toFixed(1)} write units per article (${dollars(writeUnits * PRICE.dynamodbPerWriteUnit * ARTICLES)} per 1M), ` +
      `${readUnitsPerArticle(fp.itemBytes).toFixed(1)} read units (${dollars(readUnitsPerArticle(fp.itemBytes) * PRICE.dynamodbPerReadUnit * ARTICLES)}), the rest storage`,
  );

  const scale = scaleTable(cost.processMs, writeUnits);
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
    const at = costPerArticle(bytes, memoryMb, time, fp);
    return { bytes, dollarsPerMillion: totalCost(at) * ARTICLES, processMs: at.processMs };
  });
  const svg = drawCostPlot(points, {
    title: `precis on AWS (${PRICE.region}, ${memoryMb} MB): cost and time per article by size`,
    note: `bench:perf ${perf.measuredAt.slice(0, 10)}, bench:large ${large.date.slice(0, 10)}, prices read ${PRICE.readOn}`,
  });
  const plot = fileURLToPath(new URL('../docs/cost-per-article.svg', import.meta.url));
  writeFileSync(plot, svg);
  const file = writeResults('cost', {
    prices: PRICE,
    assumptions: ASSUMPTIONS,
    cpuFit: cpu,
    initMs: time.initMs,
    footprint: fp,
    memory,
    deployedMemoryMb: memoryMb,
    perMillion: Object.fromEntries(SERVICES.map((service) => [service, cost[service] * ARTICLES])),
    totalPerMillion: totalCost(cost) * ARTICLES,
    writeUnitsPerArticle: writeUnits,
    readUnitsPerArticle: readUnitsPerArticle(fp.itemBytes),
    scale,
    bySize: points,
  });
  console.log(`\nwrote ${file} and ${plot}`);
}

await main();
