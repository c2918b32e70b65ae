import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes } from '../shared/routes.js';
import { apiOutputs } from './api-outputs.js';
import { RosterAlarms } from './constructs/alarms.js';
import { RosterApi } from './constructs/api.js';
import { RosterDashboard } from './constructs/dashboard.js';
import { RosterFunctions } from './constructs/functions.js';
import { MailIdentity } from './constructs/mail-identity.js';
import { Notifier } from './constructs/notifier.js';
import { RosterTable } from './constructs/table.js';
import type { RosterSettings } from './context.js';
import { placeholderWarnings } from './placeholder-context.js';

export interface RosterStackProps extends StackProps {
  settings: RosterSettings;
}

/** One deployment (stage) of Roster: API → functions → table → stream → notifier → SES. */
export class RosterStack extends Stack {
  constructor(scope: Construct, id: string, { settings, ...stackProps }: RosterStackProps) {
    super(scope, id, stackProps);

    const table = new RosterTable(this, 'Table');
    const functions = new RosterFunctions(this, 'Functions', { settings, table });
    const api = new RosterApi(this, 'Api', {
      functions,
      throttle: settings.throttle,
      logRetention: settings.logRetention,
      customDomain: settings.customDomain,
    });
    // The digest links to the console; only a function the API does not invoke can know the API's URL.
    functions.get('release-notifications').addEnvironment('CONSOLE_URL', `${api.url}/console`);
    const notifier = new Notifier(this, 'Notifier', { handler: functions.get('team-member-changes'), table });
    if (settings.mail.createIdentity) new MailIdentity(this, 'MailIdentity', settings.mail);
    const alarms = new RosterAlarms(this, 'Alarms', {
      api: api.httpApi,
      functions: functions.all(),
      deadLetterQueue: notifier.deadLetterQueue,
      table,
      alarmEmail: settings.alarmEmail,
    });
    new RosterDashboard(this, 'Dashboard', {
      api: api.httpApi,
      functions: functions.all(),
      deadLetterQueue: notifier.deadLetterQueue,
      table,
      alarms: alarms.alarms,
    });

    for (const { id: outputId, value, description } of apiOutputs(routes, api.url)) {
      new CfnOutput(this, outputId, { value, description });
    }
    if (api.domain) {
      const { regionalDomainName, regionalHostedZoneId } = api.domain.domainName;
      new CfnOutput(this, 'CustomDomainTarget', { value: regionalDomainName, description: 'DNS target (CNAME or alias) of the custom domain' });
      new CfnOutput(this, 'CustomDomainHostedZoneId', { value: regionalHostedZoneId, description: 'Hosted zone id for a Route 53 alias record' });
    }
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'The DynamoDB table (retained when the stack is deleted)' });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn, description: 'SNS topic every alarm notifies' });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: notifier.deadLetterQueue.queueUrl,
      description: 'Stream batches the notifier gave up on',
    });

    for (const warning of placeholderWarnings(settings)) {
      Annotations.of(this).addWarningV2('roster:placeholder-context', warning);
    }
  }
}
