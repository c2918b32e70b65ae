import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  type IAlarm,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS, METRICS_NAMESPACE, METRICS_SERVICE, type MetricName } from '../../shared/metrics.js';
import { tableOperations } from './alarms.js';
import type { RosterFunction } from './roster-function.js';

export interface RosterDashboardProps {
  api: IHttpApi;
  functions: RosterFunction[];
  deadLetterQueue: IQueue;
  table: ITable;
  alarms: IAlarm[];
}

const period = Duration.minutes(5);
const WIDTH = 24;

/** A metric of Roster's namespace without dimensions of its own (every metric has `service`). */
function roster(name: MetricName, statistic = 'Sum'): Metric {
  return new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: METRICS_SERVICE }, statistic, period, label: name });
}

/**
 * Every series of a metric that has dimensions (a route, a rule, a reason): a CloudWatch search,
 * so a new route or reason shows up without a deployment.
 */
function everySeriesOf(name: MetricName, filter = ''): MathExpression {
  const schema = [METRICS_NAMESPACE, 'service', ...METRICS[name].dimensions].join(',');
  return new MathExpression({
    expression: `SEARCH('{${schema}} MetricName="${name}"${filter ? ` ${filter}` : ''}', 'Sum', ${period.toSeconds()})`,
    usingMetrics: {},
    period,
    label: '',
  });
}

/**
 * The operator's one page: the alarms' state, then Roster's own metrics (the EMF lines of
 * shared/metrics.ts) next to the AWS metrics the alarms watch — requests, imports, notifications,
 * the stream and the table.
 */
export class RosterDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, { api, functions, deadLetterQueue, table, alarms }: RosterDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: Stack.of(this).stackName, defaultInterval: Duration.hours(3) });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: WIDTH / 3, height: 6, period });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: '# Roster\nAlarms first; then what Roster counts itself (namespace `Roster`, docs/operations.md says what each metric means) beside the AWS metrics the alarms watch.',
        width: WIDTH,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms, width: WIDTH, height: 4 }));
    this.dashboard.addWidgets(
      graph('Requests by route and status class', [everySeriesOf('Requests')]),
      graph('Server errors (5xx)', [everySeriesOf('Requests', 'StatusClass="5xx"'), api.metricServerError({ period, statistic: 'Sum', label: 'API Gateway 5xx' })]),
      graph('Function errors', functions.map((fn) => fn.metricErrors({ period, statistic: 'Sum', label: fn.definition.name }))),
    );
    this.dashboard.addWidgets(
      graph('Imports and erasures', [roster('Imports'), roster('RetentionErasures')], [roster('SeatShortages')]),
      graph('Rejected imports by rule', [everySeriesOf('ImportsRejected')]),
      graph('Notifications', [roster('NotificationsQueued'), roster('NotificationsSent'), roster('NotificationsFailed')]),
    );
    this.dashboard.addWidgets(
      graph('Notifications not sent, by reason', [everySeriesOf('NotificationsSkipped')]),
      graph('Digest size (reports per email)', [roster('DigestSize', 'Average'), roster('DigestSize', 'Maximum')]),
      graph(
        'Stream',
        [roster('StreamBatchFailures')],
        [deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label: 'Dead-letter queue' })],
      ),
    );
    this.dashboard.addWidgets(
      graph('DynamoDB throttles', [roster('DynamoDBThrottles'), table.metricThrottledRequestsForOperations({ operations: tableOperations, period, label: 'Table ThrottledRequests' })]),
      graph('Function throttles', functions.map((fn) => fn.metricThrottles({ period, statistic: 'Sum', label: fn.definition.name }))),
      graph('Function duration (p99)', functions.map((fn) => fn.metricDuration({ period, statistic: 'p99', label: fn.definition.name }))),
    );
  }
}
