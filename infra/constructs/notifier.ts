import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { notifierEventFilter } from '../../shared/stream-filter.js';
import type { MailSettings } from '../context.js';
import type { RosterFunction } from './roster-function.js';

export interface NotifierProps {
  handler: RosterFunction;
  table: ITable;
  mail: MailSettings;
}

/** Feeds team member inserts and updates from the table stream to the notifier, which mails managers through SES. */
export class Notifier extends Construct {
  /** Holds the stream positions of batches that still failed after every retry. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, { handler, table, mail }: NotifierProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    handler.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        // The same filter the local stream poller applies; the function is not invoked for other items.
        filters: [FilterCriteria.filter(notifierEventFilter.pattern())],
      }),
    );

    handler.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: mail.identity })],
      }),
    );

    if (mail.createIdentity) {
      new EmailIdentity(this, 'SenderIdentity', {
        identity: mail.identityKind === 'domain' ? Identity.domain(mail.identity) : Identity.email(mail.identity),
      });
    }
  }
}
