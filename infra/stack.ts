import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RosterAlarms } from './constructs/alarms.js';
import { RosterApi } from './constructs/api.js';
import { RosterFunctions } from './constructs/functions.js';
import { Notifier } from './constructs/notifier.js';
import { RosterTable } from './constructs/table.js';
import type { RosterSettings } from './context.js';

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
    });
    const notifier = new Notifier(this, 'Notifier', {
      handler: functions.get('notify-managers'),
      table,
      mail: settings.mail,
    });
    new RosterAlarms(this, 'Alarms', {
      api: api.httpApi,
      functions: functions.all(),
      deadLetterQueue: notifier.deadLetterQueue,
      table,
      alarmEmail: settings.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'ScimBaseUrl', { value: api.scimBaseUrl, description: 'Base URL to give Okta' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
