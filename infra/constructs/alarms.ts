import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RosterFunction } from './roster-function.js';

export interface RosterAlarmsProps {
  api: IHttpApi;
  functions: RosterFunction[];
  deadLetterQueue: IQueue;
  table: ITable;
  alarmEmail?: string;
}

const period = Duration.minutes(5);

// The operations Roster's store issues; an alarm may combine at most 10 metrics.
export const tableOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_GET_ITEMS,
  Operation.TRANSACT_WRITE_ITEMS,
];

/** Alarms on anything that means a failed provisioning request or a lost notification, sent to one SNS topic. */
export class RosterAlarms extends Construct {
  readonly topic: Topic;
  /** Every alarm, for the dashboard's alarm status. */
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, { api, functions, deadLetterQueue, table, alarmEmail }: RosterAlarmsProps) {
    super(scope, id);
    // Not KMS-encrypted: CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    this.topic = new Topic(this, 'Topic', { displayName: 'Roster alarms', enforceSSL: true });
    if (alarmEmail) this.topic.addSubscription(new EmailSubscription(alarmEmail));

    this.alarmWhenAnyIn('Api5xx', 'The API answered 5xx', api.metricServerError({ period, statistic: 'Sum' }));
    for (const fn of functions) {
      const name = fn.definition.name;
      this.alarmWhenAnyIn(`${name}-errors`, `${name} failed`, fn.metricErrors({ period, statistic: 'Sum' }));
      this.alarmWhenAnyIn(`${name}-throttles`, `${name} was throttled`, fn.metricThrottles({ period, statistic: 'Sum' }));
    }
    this.alarmWhenAnyIn(
      'DeadLetters',
      'Stream batches the notifier gave up on are waiting in its dead-letter queue',
      deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
    );
    this.alarmWhenAnyIn(
      'TableThrottles',
      'DynamoDB throttled requests to the table',
      table.metricThrottledRequestsForOperations({ operations: tableOperations, period }),
    );
  }

  private alarmWhenAnyIn(id: string, description: string, metric: IMetric): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
  }
}
