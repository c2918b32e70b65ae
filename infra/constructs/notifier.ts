import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { notifierEventFilter } from '../../shared/stream-filter.js';
import type { RosterFunction } from './roster-function.js';

export interface NotifierProps {
  handler: RosterFunction;
  table: ITable;
}

/** Feeds team member inserts and updates from the table stream to the notifier, with a dead-letter queue for what keeps failing. */
export class Notifier extends Construct {
  /** Holds the stream positions of batches that still failed after every retry. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, { handler, table }: NotifierProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the stream mapping; its depth is alarmed on.',
    });

    handler.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        // Okta pushes a group's members in a burst: a short window gathers it into fewer invocations,
        // and a manager's email a few seconds later costs nothing.
        maxBatchingWindow: Duration.seconds(5),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        // The same filter the local stream poller applies; the function is not invoked for other items.
        filters: [FilterCriteria.filter(notifierEventFilter.pattern())],
      }),
    );
  }
}
