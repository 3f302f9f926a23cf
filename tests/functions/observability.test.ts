import { readdirSync, readFileSync } from 'node:fs';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { logMetricsWhenAny } from '#functions/observability.ts';

const CONTEXT = { functionName: 'precis-test' } as Context;

function metricsWithLogger() {
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const target = new Metrics({ namespace: 'PrecisTest', serviceName: 'test', logger });
  return { target, logger };
}

const emptyWarnings = (warn: ReturnType<typeof vi.fn>) =>
  warn.mock.calls.filter(([message]) => String(message).includes('No application metrics'));

describe('logMetricsWhenAny', () => {
  it("is needed: Powertools' own logMetrics warns when a handler stored no metric", async () => {
    const { target, logger } = metricsWithLogger();
    await middy()
      .use(logMetrics(target))
      .handler(async () => 'nothing to count')(undefined, CONTEXT);
    expect(emptyWarnings(logger.warn)).toHaveLength(1);
  });

  it('does not warn when a handler stored no metric, nor publishes', async () => {
    const { target, logger } = metricsWithLogger();
    const publish = vi.spyOn(target, 'publishStoredMetrics');
    const handler = middy()
      .use(logMetricsWhenAny(target))
      .handler(async () => 'nothing to count');
    await handler(undefined, CONTEXT);
    await handler(undefined, CONTEXT);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(publish).not.toHaveBeenCalled();
  });

  it('publishes the stored metrics after the handler, and after it throws', async () => {
    const { target } = metricsWithLogger();
    const published: string[][] = [];
    vi.spyOn(target, 'publishStoredMetrics').mockImplementation(function (this: Metrics) {
      const emf = target.serializeMetrics();
      published.push(emf._aws.CloudWatchMetrics.flatMap((set) => set.Metrics.map((metric) => metric.Name)));
      target.clearMetrics();
      return target;
    });
    await middy()
      .use(logMetricsWhenAny(target))
      .handler(async () => {
        target.addMetric('ArticlesProcessed', MetricUnit.Count, 1);
      })(undefined, CONTEXT);
    await expect(
      middy()
        .use(logMetricsWhenAny(target))
        .handler(async () => {
          target.addMetric('ApiRequests', MetricUnit.Count, 1);
          throw new Error('refused');
        })(undefined, CONTEXT),
    ).rejects.toThrow('refused');
    expect(published).toEqual([['ArticlesProcessed'], ['ApiRequests']]);
  });

  it('clears the dimensions an invocation without metrics added, as an empty flush did', async () => {
    const { target } = metricsWithLogger();
    await middy()
      .use(logMetricsWhenAny(target))
      .handler(async () => {
        target.addDimension('outlet', 'left-over');
      })(undefined, CONTEXT);
    target.addMetric('ApiRequests', MetricUnit.Count, 1);
    expect(target.serializeMetrics()).not.toHaveProperty('outlet');
  });

  it("is what every handler in functions/ flushes with (none uses Powertools' logMetrics itself)", () => {
    const directory = new URL('../../functions/', import.meta.url);
    const handlers = readdirSync(directory).filter(
      (file) => file.endsWith('.ts') && file !== 'observability.ts',
    );
    const flushing = handlers.filter((file) =>
      readFileSync(new URL(file, directory), 'utf8').includes('logMetrics'),
    );
    expect(flushing.sort()).toEqual(['api.ts', 'dead-letters.ts', 'process.ts', 'sweep.ts']);
    for (const file of flushing) {
      const source = readFileSync(new URL(file, directory), 'utf8');
      expect(source, file).not.toMatch(/metrics\/middleware|\blogMetrics\(/);
      expect(source, file).toMatch(/\.use\(logMetricsWhenAny\(metrics/);
    }
  });
});
