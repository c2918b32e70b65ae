import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { MailSettings } from './context.js';

/** SES send on the configured identity only, and only as its sender address. */
export function mailSendStatement(scope: Construct, mail: MailSettings): PolicyStatement {
  return new PolicyStatement({
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    resources: [Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: mail.identity })],
    conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
  });
}
