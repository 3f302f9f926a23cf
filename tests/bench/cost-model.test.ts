import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_BYTES,
  ARTICLES,
  chooseMemory,
  costPerArticle,
  type Footprint,
  fitCpu,
  type LargeResults,
  largeResultsSchema,
  perfResultsSchema,
  readUnitsPerArticle,
  writeUnitsPerArticle,
} from '../../bench/cost-model.ts';

/** A 5 KB article's footprint, in round figures near what bench/cost.ts measures. */
const FOOTPRINT: Footprint = {
  articles: 70,
  itemBytes: 9_400,
  textBytes: 4_500,
  pageBytes: 37_000,
  indexedEntities: 15,
  manifestBytes: 1_700,
};
const TIME = { cpu: { fixedMs: 2, msPerByte: 0.002 }, initMs: 700 };

type LargeRow = LargeResults['rows'][number];
const largeRow = (overrides: Partial<LargeRow> = {}): LargeRow => ({
  name: 'dollar-amounts',
  bytes: 5_242_880,
  status: 'DONE',
  cpuSeconds: 13,
  passPeaksMiB: [600, 880, 885],
  ownPassPeaks: true,
  processPeakMiB: 885,
  ...overrides,
});
const large = (...rows: LargeRow[]): LargeResults => ({ date: '2026-12-02T14:00:00Z', load: 'load 9', rows });

describe('fitCpu', () => {
  it('recovers the line the samples lie on', () => {
    const samples = [1_000, 3_000, 8_000].map((bytes) => ({ bytes, cpuMs: 2.5 + 0.004 * bytes }));

    const fit = fitCpu(samples);

    expect(fit.fixedMs).toBeCloseTo(2.5, 10);
    expect(fit.msPerByte).toBeCloseTo(0.004, 10);
  });
});

describe('DynamoDB units of an article', () => {
  it('counts PENDING, PROCESSING, the DONE item by KB, two writes per index entry, the manifest and idempotency', () => {
    // 1 + 1 + ceil(9,400 / 1,024) = 10 + 2 x 15 + ceil(1,700 / 1,024) = 2 + 2
    expect(writeUnitsPerArticle(9_400, FOOTPRINT)).toBe(46);
    // a DONE item of exactly 1 KB is one unit
    expect(writeUnitsPerArticle(1_024, FOOTPRINT)).toBe(37);
  });

  it('counts half a unit per 4 KB for the eventually consistent GET, and two small consistent reads', () => {
    expect(readUnitsPerArticle(9_400)).toBe(3.5);
    expect(readUnitsPerArticle(4_096)).toBe(2.5);
  });
});

describe('costPerArticle', () => {
  it("prices DynamoDB for a million articles as the units times the list prices, plus a month's storage", () => {
    const cost = costPerArticle(ARTICLE_BYTES, 1_536, TIME, FOOTPRINT);

    // 46 write units x $0.625 per million + 3.5 read units x $0.125 per million
    // + (9,400 + 15 x 200 + 1,700) bytes x $0.25 per GB-month
    const byHand = 46 * 0.625 + 3.5 * 0.125 + ((9_400 + 15 * 200 + 1_700) * 1e6 * 0.25) / 1024 ** 3;
    expect(cost.dynamodb * ARTICLES).toBeCloseTo(byHand, 6);
    expect(byHand).toBeCloseTo(32.47, 2);
  });

  it('bills the process function at less than a vCPU below 1,769 MB, so an article takes longer there', () => {
    const small = costPerArticle(ARTICLE_BYTES, 512, TIME, FOOTPRINT);
    const full = costPerArticle(ARTICLE_BYTES, 1_769, TIME, FOOTPRINT);
    const more = costPerArticle(ARTICLE_BYTES, 3_008, TIME, FOOTPRINT);

    expect(small.processMs).toBeGreaterThan(full.processMs);
    expect(more.processMs).toBe(full.processMs);
    expect(more.lambda).toBeGreaterThan(full.lambda);
  });
});

describe('chooseMemory', () => {
  it("sizes for the input's highest pass peak, not its first pass's nor its child's", () => {
    const grows = chooseMemory(
      large(largeRow({ passPeaksMiB: [600, 880, 700], processPeakMiB: 880 })),
      TIME,
      FOOTPRINT,
    );
    const child = chooseMemory(
      large(largeRow({ passPeaksMiB: [600, 610, 620], processPeakMiB: 900 })),
      TIME,
      FOOTPRINT,
    );

    // 880 MiB is over 75% of 1,024 MB (768), though the first pass's 600 is within it
    expect(grows.worstPeak).toBe(880);
    expect(grows.chosen?.memoryMb).toBe(1_536);
    // the child's 900 (its reference passes, say) is not the input's
    expect(child.worstPeak).toBe(620);
    expect(child.chosen?.memoryMb).toBe(1_024);
    expect(child.rows.find((row) => row.memoryMb === 512)?.fits).toBe(false);
  });

  it('takes the highest pass peak and the most CPU over the rows, and the cheapest size that fits both', () => {
    const memory = chooseMemory(
      large(
        largeRow({ passPeaksMiB: [800, 700, 700] }),
        largeRow({ name: 'varied', cpuSeconds: 40, passPeaksMiB: [300] }),
      ),
      TIME,
      FOOTPRINT,
    );

    // 800 MiB needs 1,536 MB (1,152); 40 CPU s is 46 s at 1,536 MB's share of a vCPU, over 45 (75% of 60 s)
    expect(memory.worstPeak).toBe(800);
    expect(memory.worstCpu).toBe(40);
    expect(memory.rows.find((row) => row.memoryMb === 1_536)?.fits).toBe(false);
    expect(memory.chosen?.memoryMb).toBe(1_769);
  });
});

describe('the benchmarks JSON that npm run cost reads', () => {
  it("refuses a bench:large row with only the child's peak (the format before per-pass peaks)", () => {
    const { passPeaksMiB: _, ownPassPeaks: __, processPeakMiB, ...old } = largeRow();

    const parsed = largeResultsSchema.safeParse({ ...large(), rows: [{ ...old, peakMiB: processPeakMiB }] });

    expect(parsed.success).toBe(false);
  });

  it('refuses pass peaks that could not be reset, and accepts them when they were', () => {
    expect(largeResultsSchema.safeParse(large(largeRow({ ownPassPeaks: false as true }))).success).toBe(
      false,
    );
    expect(largeResultsSchema.safeParse(large(largeRow())).success).toBe(true);
  });

  it.each([
    ['large', largeResultsSchema],
    ['perf', perfResultsSchema],
  ] as const)('reads the committed bench/results/%s.json', (name, schema) => {
    const json = JSON.parse(
      readFileSync(new URL(`../../bench/results/${name}.json`, import.meta.url), 'utf8'),
    );

    expect(schema.safeParse(json).error).toBeUndefined();
  });
});
