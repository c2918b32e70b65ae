import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/metrics.js';
import { functionDefinitions } from '../../shared/routes.js';
import { onlyResource, synthRoster } from './synth.js';

let template: Template;
beforeAll(() => {
  template = synthRoster();
}, 60_000);

interface Widget {
  type: string;
  properties: { title?: string; markdown?: string; alarms?: unknown[]; metrics?: unknown[][] };
}

/** The dashboard's widgets: its body with every CloudFormation token replaced by a placeholder. */
function widgets(): Widget[] {
  const [, dashboard] = onlyResource(template, 'AWS::CloudWatch::Dashboard');
  const body = dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] } | string;
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'TOKEN')).join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
}

const graph = (title: string) => {
  const found = widgets().find((widget) => widget.properties.title === title);
  expect(found, title).toBeDefined();
  return JSON.stringify(found!.properties.metrics);
};

describe('the operations dashboard', () => {
  it('is named after the stack and shows the state of every alarm', () => {
    expect(onlyResource(template, 'AWS::CloudWatch::Dashboard')[1].Properties.DashboardName).toMatch(/^Roster/);
    const status = widgets().filter((widget) => widget.type === 'alarm');
    expect(status).toHaveLength(1);
    expect(status[0]!.properties.alarms).toHaveLength(Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length);
  });

  it('graphs every metric Roster emits, in its namespace', () => {
    // A row is [namespace, name, dimensions…, options], or [{ expression }] for a search of a dimensioned metric.
    const graphed = widgets()
      .flatMap((widget) => widget.properties.metrics ?? [])
      .flatMap((row) =>
        typeof row[0] === 'string'
          ? row[0] === 'Roster' ? [row[1]] : []
          : [...String((row[0] as { expression?: string }).expression ?? '').matchAll(/\{Roster,[^}]*\} MetricName="(\w+)"/g)].map((match) => match[1]),
      );
    expect(new Set(graphed)).toEqual(new Set(Object.keys(METRICS)));
    expect(graph('Requests by route and status class')).toContain(`SEARCH('{Roster,service,Route,StatusClass} MetricName=\\"Requests\\"', 'Sum', 300)`);
    expect(graph('Rejected imports by rule')).toContain('{Roster,service,Rule}');
    expect(graph('Notifications not sent, by reason')).toContain('{Roster,service,Reason}');
    expect(graph('Notifications')).toMatch(/"Roster","NotificationsQueued","service","roster"/);
    expect(graph('Digest size (reports per email)')).toContain('"stat":"Maximum"');
  });

  it('puts the AWS metrics the alarms watch beside them', () => {
    expect(graph('Server errors (5xx)')).toContain('AWS/ApiGateway');
    expect(graph('Stream')).toContain('ApproximateNumberOfMessagesVisible');
    expect(graph('DynamoDB throttles')).toContain('ThrottledRequests');
    for (const title of ['Function errors', 'Function throttles']) {
      expect(graph(title).match(/"AWS\/Lambda"/g)).toHaveLength(functionDefinitions.length);
    }
  });
});
