import { config } from './config.js';

/** The one CloudWatch namespace of Roster's own metrics (the dashboard reads them from it). */
export const METRICS_NAMESPACE = 'Roster';
/** The `service` dimension on every metric (as Powertools Metrics, which Roster used before, named it). */
export const METRICS_SERVICE = 'roster';
/** CloudWatch's unit of a count: Roster's metrics are all counts. */
const COUNT = 'Count';

/**
 * Every metric Roster emits, with its unit and dimensions. Dimensions are bounded — a route of the
 * route table, a status class, a rule or a reason of a fixed list — and never a tenant or a person,
 * so the number of metrics does not grow with customers.
 */
export const METRICS = {
  /** HTTP requests (SCIM, admin API, console, OAuth) by route key and status class (2xx, 4xx, 5xx). */
  Requests: { unit: COUNT, dimensions: ['Route', 'StatusClass'] },
  /** Team members created by provisioning (SCIM POST /Users). */
  Imports: { unit: COUNT, dimensions: [] },
  /** Imports refused by a provisioning rule (the rule: a mandatory field, the time zone). */
  ImportsRejected: { unit: COUNT, dimensions: ['Rule'] },
  /** Effective-settings writes that left a member short of a seat (the seat type ran out). */
  SeatShortages: { unit: COUNT, dimensions: [] },
  /** New reports queued for a manager's digest. */
  NotificationsQueued: { unit: COUNT, dimensions: [] },
  /** Digests emailed. */
  NotificationsSent: { unit: COUNT, dimensions: [] },
  /** Digests SES did not accept (they stay queued and are retried). */
  NotificationsFailed: { unit: COUNT, dimensions: [] },
  /** Digests or imports nobody was emailed about, by the rule that stopped them. */
  NotificationsSkipped: { unit: COUNT, dimensions: ['Reason'] },
  /** New reports listed in one emailed digest. */
  DigestSize: { unit: COUNT, dimensions: [] },
  /** Team members erased because they stayed deactivated or deleted longer than their company's retention. */
  RetentionErasures: { unit: COUNT, dimensions: [] },
  /** Stream batches of team-member changes that reported a failed record (it is retried). */
  StreamBatchFailures: { unit: COUNT, dimensions: [] },
  /** DynamoDB requests that still failed with throttling after the SDK's retries. */
  DynamoDBThrottles: { unit: COUNT, dimensions: [] },
} as const satisfies Record<string, { unit: typeof COUNT; dimensions: readonly string[] }>;

export type MetricName = keyof typeof METRICS;
type DimensionsOf<Name extends MetricName> = Record<(typeof METRICS)[Name]['dimensions'][number], string>;

/**
 * Emits one metric at once as a CloudWatch EMF line on stdout (CloudWatch Logs turns it into the
 * metric: no API call, nothing to flush at the end of an invocation).
 *
 * Written here rather than with Powertools Metrics' singleMetric(), whose lines were the same:
 * for one metric at a time an EMF line is one JSON object, while Powertools put ~16 KB into every
 * function and cost ~6 ms of each cold start (test/bench, cold start) — and loading it lazily
 * would not help, since every HTTP request emits a metric.
 */
export function emitMetric<Name extends MetricName>(name: Name, value = 1, ...dimensions: DimensionsOf<Name> extends Record<string, never> ? [] : [DimensionsOf<Name>]): void {
  if (!config().METRICS_ENABLED) return;
  const dimensionValues: Record<string, string> = { service: METRICS_SERVICE, ...dimensions[0] };
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [Object.keys(dimensionValues)], Metrics: [{ Name: name, Unit: METRICS[name].unit }] }],
    },
    ...dimensionValues,
    [name]: value,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The status class of an HTTP status: `2xx`, `4xx`, `5xx`, … */
export const statusClass = (status: number | undefined): string => (status === undefined ? 'none' : `${Math.floor(status / 100)}xx`);
