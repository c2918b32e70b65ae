import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { config } from './config.js';

/** The one CloudWatch namespace of Roster's own metrics (the dashboard reads them from it). */
export const METRICS_NAMESPACE = 'Roster';
/** Powertools puts a `service` dimension on every metric. */
export const METRICS_SERVICE = 'roster';

/**
 * Every metric Roster emits, with its unit and dimensions. Dimensions are bounded — a route of the
 * route table, a status class, a rule or a reason of a fixed list — and never a tenant or a person,
 * so the number of metrics does not grow with customers.
 */
export const METRICS = {
  /** HTTP requests (SCIM, admin API, console, OAuth) by route key and status class (2xx, 4xx, 5xx). */
  Requests: { unit: MetricUnit.Count, dimensions: ['Route', 'StatusClass'] },
  /** Team members created by provisioning (SCIM POST /Users). */
  Imports: { unit: MetricUnit.Count, dimensions: [] },
  /** Imports refused by a provisioning rule (the rule: a mandatory field, the time zone). */
  ImportsRejected: { unit: MetricUnit.Count, dimensions: ['Rule'] },
  /** Effective-settings writes that left a member short of a seat (the seat type ran out). */
  SeatShortages: { unit: MetricUnit.Count, dimensions: [] },
  /** New reports queued for a manager's digest. */
  NotificationsQueued: { unit: MetricUnit.Count, dimensions: [] },
  /** Digests emailed. */
  NotificationsSent: { unit: MetricUnit.Count, dimensions: [] },
  /** Digests SES did not accept (they stay queued and are retried). */
  NotificationsFailed: { unit: MetricUnit.Count, dimensions: [] },
  /** Digests or imports nobody was emailed about, by the rule that stopped them. */
  NotificationsSkipped: { unit: MetricUnit.Count, dimensions: ['Reason'] },
  /** New reports listed in one emailed digest. */
  DigestSize: { unit: MetricUnit.Count, dimensions: [] },
  /** Team members erased because they stayed deactivated or deleted longer than their company's retention. */
  RetentionErasures: { unit: MetricUnit.Count, dimensions: [] },
  /** Stream batches of team-member changes that reported a failed record (it is retried). */
  StreamBatchFailures: { unit: MetricUnit.Count, dimensions: [] },
  /** DynamoDB requests that still failed with throttling after the SDK's retries. */
  DynamoDBThrottles: { unit: MetricUnit.Count, dimensions: [] },
} as const satisfies Record<string, { unit: (typeof MetricUnit)[keyof typeof MetricUnit]; dimensions: readonly string[] }>;

export type MetricName = keyof typeof METRICS;
type DimensionsOf<Name extends MetricName> = Record<(typeof METRICS)[Name]['dimensions'][number], string>;

let metrics: Metrics | undefined;

/**
 * Emits one metric at once as a CloudWatch EMF line on stdout (CloudWatch Logs turns it into the
 * metric: no API call, nothing to flush at the end of an invocation).
 */
export function emitMetric<Name extends MetricName>(name: Name, value = 1, ...dimensions: DimensionsOf<Name> extends Record<string, never> ? [] : [DimensionsOf<Name>]): void {
  if (!config().METRICS_ENABLED) return;
  metrics ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  const single = metrics.singleMetric();
  for (const [dimension, dimensionValue] of Object.entries(dimensions[0] ?? {})) single.addDimension(dimension, String(dimensionValue));
  single.addMetric(name, METRICS[name].unit, value);
}

/** The status class of an HTTP status: `2xx`, `4xx`, `5xx`, … */
export const statusClass = (status: number | undefined): string => (status === undefined ? 'none' : `${Math.floor(status / 100)}xx`);
