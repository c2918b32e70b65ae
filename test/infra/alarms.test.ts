import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionDefinitions } from '../../shared/routes.js';
import { functionId, onlyResource, synthRoster } from './synth.js';

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm'));
const alarmOn = (metricName: string) => alarms().filter((alarm) => alarm.Properties.MetricName === metricName);
const dimension = (alarm: { [key: string]: any }, name: string): unknown =>
  (alarm.Properties.Dimensions as { Name: string; Value: unknown }[] | undefined)?.find((candidate) => candidate.Name === name)?.Value;

describe('alarms', () => {
  it('alarms on any 5xx answer of the API', () => {
    const [api5xx] = alarmOn('5xx');
    expect(alarmOn('5xx')).toHaveLength(1);
    expect(api5xx?.Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(dimension(api5xx!, 'ApiId')).toEqual({ Ref: onlyResource(template, 'AWS::ApiGatewayV2::Api')[0] });
  });

  it('alarms on the errors and the throttles of every function', () => {
    for (const metric of ['Errors', 'Throttles']) {
      const watched = alarmOn(metric).map((alarm) => dimension(alarm, 'FunctionName'));
      expect(watched.sort()).toEqual(functionDefinitions.map(({ name }) => ({ Ref: functionId(template, name) })).sort());
    }
  });

  it('alarms as soon as a message waits in the dead-letter queue', () => {
    const [deadLetters] = alarmOn('ApproximateNumberOfMessagesVisible');
    expect(alarmOn('ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    expect(dimension(deadLetters!, 'QueueName')).toEqual({ 'Fn::GetAtt': [onlyResource(template, 'AWS::SQS::Queue')[0], 'QueueName'] });
    expect(deadLetters?.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: 0 });
  });

  it('alarms on DynamoDB throttled requests to the table', () => {
    const tableThrottles = alarms().filter((alarm) => JSON.stringify(alarm.Properties.Metrics ?? []).includes('ThrottledRequests'));
    expect(tableThrottles).toHaveLength(1);
    // A metric math alarm may combine at most 10 metrics, plus the expression.
    expect(tableThrottles[0]?.Properties.Metrics.length).toBeLessThanOrEqual(11);
    expect(JSON.stringify(tableThrottles[0]?.Properties.Metrics)).toContain(onlyResource(template, 'AWS::DynamoDB::Table')[0]);
  });

  it('sends every alarm and its recovery to the SNS topic, which mails alarmEmail only when given', () => {
    const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
    expect(alarms()).toHaveLength(1 + 2 * functionDefinitions.length + 1 + 1);
    for (const alarm of alarms()) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    synthRoster({ alarmEmail: 'oncall@example.com' }).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });
});
