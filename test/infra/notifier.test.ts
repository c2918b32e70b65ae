import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionDefinitions, type FunctionDefinition } from '../../shared/routes.js';
import { notifierEventFilter } from '../../shared/stream-filter.js';
import { functionId, grantedActions, onlyResource, synthRoster } from './synth.js';

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

const sesGrants = (template: Template, name: string) =>
  grantedActions(template, functionId(template, name)).filter(({ action }) => action.startsWith('ses:'));

describe('notifier', () => {
  it('reads team member inserts and updates from the table stream, in batches, with partial failures and a dead-letter queue', () => {
    const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
    const [queueId] = onlyResource(template, 'AWS::SQS::Queue');
    const [, mapping] = onlyResource(template, 'AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: { Ref: functionId(template, 'team-member-changes') },
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    const patterns = mapping.Properties.FilterCriteria.Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern));
    expect(patterns).toEqual([notifierEventFilter.pattern()]);
    expect(patterns).toEqual([{ eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { type: { S: ['TeamMember'] } } } }]);
  });

  it('has an encrypted, TLS-only dead-letter queue that keeps failures for 14 days', () => {
    const [queueId, queue] = onlyResource(template, 'AWS::SQS::Queue');
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('may send mail only as the configured SES identity and sender address, and nothing else may send mail', () => {
    for (const { name, sendsMail } of functionDefinitions as readonly FunctionDefinition[]) {
      const grants = sesGrants(template, name);
      if (!sendsMail) {
        expect(grants, name).toEqual([]);
        continue;
      }
      expect(grants.map(({ action }) => action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      for (const { resource, condition } of grants) {
        expect(JSON.stringify(resource)).toMatch(/:ses:.*:identity\/no-reply@example\.com"/);
        expect(condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@example.com' } });
      }
    }
  });

  it('sends as no-reply@<domain> on a domain identity, created in the stack only when asked to', () => {
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const withIdentity = synthRoster({ mailFrom: 'roster.acme.test', createSesIdentity: 'true' });
    withIdentity.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'roster.acme.test' });
    withIdentity.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAIL_FROM: 'Roster <no-reply@roster.acme.test>' }) },
    });
    for (const { resource, condition } of sesGrants(withIdentity, 'team-member-changes')) {
      expect(JSON.stringify(resource)).toMatch(/:identity\/roster\.acme\.test"/);
      expect(condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@roster.acme.test' } });
    }
  });
});
