import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as RouteTable from '../../shared/routes.js';
import type * as ProjectPaths from '../../infra/project-paths.js';
import { actionsOf, buildRoster, functionId, grantedActions } from './synth.js';

// Functions that do not exist yet, added to the real route table: the stack must take them as they come.
const added = vi.hoisted((): RouteTable.FunctionDefinition[] => [
  { name: 'reports', description: 'Test: a read-only admin API', trigger: 'http', tableAccess: 'read' },
  { name: 'status', description: 'Test: an endpoint with no table access', trigger: 'http', tableAccess: 'none' },
  { name: 'mail-digest', description: 'Test: a scheduled mailer', trigger: 'schedule', tableAccess: 'readWrite', sendsMail: true },
]);

vi.mock('../../shared/routes.js', async (importOriginal) => {
  const original = await importOriginal<typeof RouteTable>();
  const route = (method: RouteTable.HttpMethod, path: string, fn: string): RouteTable.RouteDefinition => ({ method, path, function: fn, auth: 'admin' });
  return {
    ...original,
    functionDefinitions: [...original.functionDefinitions, ...added],
    routes: [
      ...original.routes,
      route('GET', `${original.ADMIN_PREFIX}/reports/{id}`, 'reports'),
      route('GET', '/status', 'status'),
      route('POST', `${original.OAUTH_PREFIX}/device-authorization`, 'status'),
    ],
  };
});

// Their handlers do not exist either; any existing entry does, since nothing is bundled.
vi.mock('../../infra/project-paths.js', async (importOriginal) => {
  const original = await importOriginal<typeof ProjectPaths>();
  const known = new Set(['scim-users', 'scim-groups', 'scim-discovery', 'admin', 'oauth', 'team-member-changes']);
  return { ...original, functionEntry: (name: string) => original.functionEntry(known.has(name) ? name : 'scim-discovery') };
});

let template: Template;
let stackReport: ReturnType<AwsSolutionsChecks['validateScope']>;
beforeAll(() => {
  const { app, stack } = buildRoster();
  stackReport = new AwsSolutionsChecks(app).validateScope(stack);
  template = Template.fromStack(stack);
});

describe('a function added to the route table', () => {
  it('gets its function, routes, least-privilege role and alarms with nothing else to change', () => {
    for (const { name, tableAccess } of added) {
      const fnId = functionId(template, name);
      expect(actionsOf(template, fnId, 'logs')).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      const dynamodb = actionsOf(template, fnId, 'dynamodb');
      if (tableAccess === 'none') expect(dynamodb).toEqual([]);
      if (tableAccess === 'read') expect(dynamodb).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
      if (tableAccess === 'readWrite') expect(dynamodb).toContain('dynamodb:PutItem');
      const alarmed = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((alarm) =>
        JSON.stringify(alarm.Properties.Dimensions ?? []).includes(fnId),
      );
      expect(alarmed.map((alarm) => alarm.Properties.MetricName).sort()).toEqual(['Errors', 'Throttles']);
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /admin/v1/reports/{id}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /status' });
  });

  it('may send mail when its definition says so, as the configured identity only', () => {
    const grants = grantedActions(template, functionId(template, 'mail-digest')).filter(({ action }) => action.startsWith('ses:'));
    expect(grants.map(({ action }) => action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(grants.every(({ condition }) => JSON.stringify(condition) === '{"StringEquals":{"ses:FromAddress":"no-reply@example.com"}}')).toBe(true);
    expect(actionsOf(template, functionId(template, 'reports'), 'ses')).toEqual([]);
  });

  it('gets its outputs from its routes', () => {
    const outputs = template.toJSON().Outputs;
    expect(outputs).toHaveProperty('AdminBaseUrl');
    expect(JSON.stringify(outputs.OAuthDeviceAuthorizationUrl.Value)).toContain('/oauth/device-authorization');
  });

  it('passes cdk-nag like the others', () => {
    expect(stackReport.violations.map((violation) => violation.ruleName)).toEqual([]);
  });
});
