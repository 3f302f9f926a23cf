import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * The one logger and the one metrics emitter (CloudWatch EMF) of both functions. POWERTOOLS_SERVICE_NAME,
 * POWERTOOLS_LOG_LEVEL and POWERTOOLS_METRICS_DISABLED override the defaults as Powertools documents.
 */
export const SERVICE_NAME = 'precis';
export const METRICS_NAMESPACE = 'Precis';

export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

export { MetricUnit };
