import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionDefinitions, type FunctionDefinition } from '../../shared/routes.js';
import { actionsOf, deniedStatements, functionId, grantedActions, synthRoster } from './synth.js';

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

const definitions = functionDefinitions as readonly FunctionDefinition[];
const rules = () => Object.values(template.findResources('AWS::Events::Rule'));

describe('scheduled functions', () => {
  it('gives every schedule function, and only those, an EventBridge rule that invokes it as often as it says, without retries', () => {
    const scheduled = definitions.filter((definition) => definition.trigger === 'schedule');
    expect(scheduled.map(({ name, every = 'minute' }) => [name, every])).toEqual(
      expect.arrayContaining([
        ['release-notifications', 'minute'],
        ['erase-inactive-members', 'day'],
      ]),
    );
    expect(rules()).toHaveLength(scheduled.length);
    for (const { name, every = 'minute' } of scheduled) {
      const fnId = functionId(template, name);
      const rule = rules().find((candidate) => JSON.stringify(candidate.Properties.Targets).includes(fnId));
      expect(rule?.Properties).toMatchObject({
        ScheduleExpression: `rate(1 ${every})`,
        State: 'ENABLED',
        Targets: [{ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0 } }],
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
        Principal: 'events.amazonaws.com',
      });
    }
  });

  it('lets the release function read and write the table and send mail only as the configured identity', () => {
    const fnId = functionId(template, 'release-notifications');
    expect(actionsOf(template, fnId, 'dynamodb')).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    const ses = grantedActions(template, fnId).filter(({ action }) => action.startsWith('ses:'));
    expect(ses.map(({ action }) => action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    for (const { resource, condition } of ses) {
      expect(JSON.stringify(resource)).toMatch(/:identity\/no-reply@example\.com"/);
      expect(condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@example.com' } });
    }
  });

  it('gives the daily erasure ten minutes a run, the table without the families it never touches, and no mail', () => {
    const fnId = functionId(template, 'erase-inactive-members');
    expect(template.toJSON().Resources[fnId].Properties.Timeout).toBe(600);
    expect(actionsOf(template, fnId, 'dynamodb')).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']));
    expect(actionsOf(template, fnId, 'ses')).toEqual([]);
    const denied = deniedStatements(template, fnId);
    expect(JSON.stringify(denied)).toContain('OAUTH#*');
    expect(JSON.stringify(denied)).toContain('SESSION#*');
    expect(JSON.stringify(denied)).toContain('NOTIFY#*');
    expect(JSON.stringify(denied)).not.toContain('T#*#U#*');
  });

  it('no longer lets the stream consumer send mail: it only queues', () => {
    expect(actionsOf(template, functionId(template, 'team-member-changes'), 'ses')).toEqual([]);
  });
});
