import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { ExtraOptions } from '@aws-lambda-powertools/metrics/types';

/**
 * The one logger and the one metrics emitter (CloudWatch EMF) of both functions. POWERTOOLS_SERVICE_NAME,
 * POWERTOOLS_LOG_LEVEL and POWERTOOLS_METRICS_DISABLED override the defaults as Powertools documents.
 */
export const SERVICE_NAME = 'precis';
export const METRICS_NAMESPACE = 'Precis';

export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

export { MetricUnit };

/**
 * Powertools' `logMetrics` middleware (cold-start metric and options as it does them), but flushing the stored
 * metrics only when there are some: Powertools' `publishStoredMetrics()` warns "No application metrics to publish"
 * on an empty buffer, which the sweeper (whose only metric is a single metric, published when added) and an API
 * request refused before the handler ran would log on every run. The metrics it would publish are the same; an
 * empty flush published nothing either, it only cleared dimensions and metadata, which this clears too.
 */
export function logMetricsWhenAny(
  target: Metrics,
  options: ExtraOptions = {},
): ReturnType<typeof logMetrics> {
  const { before } = logMetrics(target, options);
  const flush = () => {
    if (target.hasStoredMetrics()) {
      target.publishStoredMetrics();
      return;
    }
    target.clearDimensions();
    target.clearMetadata();
  };
  return { before, after: flush, onError: flush };
}
