import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PREFIX, OAUTH_PREFIX, SCIM_PREFIX, routes, type RouteDefinition } from '../../shared/routes.js';
import { apiOutputs } from '../../infra/api-outputs.js';
import { onlyResource, synthRoster } from './synth.js';

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

const route = (path: string): RouteDefinition => ({ method: 'POST', path, function: 'f', auth: 'none' });

describe('outputs', () => {
  it('names the SCIM base URL, the admin base URL, each OAuth endpoint, the table, the alarm topic and the dead-letter queue', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown; Description?: string }>;
    const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    const endpoint = { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] };
    const url = (path: string) => ({ 'Fn::Join': ['', [endpoint, path]] });

    expect(outputs.ApiUrl?.Value).toEqual(endpoint);
    expect(outputs.ScimBaseUrl?.Value).toEqual(url(SCIM_PREFIX));
    if (routes.some((candidate) => candidate.path.startsWith(`${ADMIN_PREFIX}/`))) {
      expect(outputs.AdminBaseUrl?.Value).toEqual(url(ADMIN_PREFIX));
    }
    for (const path of routes.map((candidate) => candidate.path).filter((path) => path.startsWith(`${OAUTH_PREFIX}/`))) {
      const id = Object.keys(outputs).find((key) => JSON.stringify(outputs[key]?.Value) === JSON.stringify(url(path)));
      expect(id, path).toMatch(/^OAuth[A-Z][A-Za-z0-9]*Url$/);
    }
    expect(outputs.TableName?.Value).toEqual({ Ref: onlyResource(template, 'AWS::DynamoDB::Table')[0] });
    expect(outputs.AlarmTopicArn?.Value).toEqual({ Ref: onlyResource(template, 'AWS::SNS::Topic')[0] });
    expect(outputs.DeadLetterQueueUrl?.Value).toEqual({ Ref: onlyResource(template, 'AWS::SQS::Queue')[0] });
    for (const [id, output] of Object.entries(outputs)) expect(output.Description, id).toEqual(expect.any(String));
  });

  it('derives the API outputs from the route table: an API without routes has no output', () => {
    expect(apiOutputs([route('/scim/v2/Users')], 'https://x').map(({ id }) => id)).toEqual(['ApiUrl', 'ScimBaseUrl']);
    expect(
      apiOutputs([route('/admin/v1/connections'), route('/oauth/token'), route('/oauth/token'), route('/oauth/device-code')], 'https://x'),
    ).toEqual([
      { id: 'ApiUrl', value: 'https://x', description: expect.any(String) },
      { id: 'AdminBaseUrl', value: 'https://x/admin/v1', description: expect.any(String) },
      { id: 'OAuthTokenUrl', value: 'https://x/oauth/token', description: expect.any(String) },
      { id: 'OAuthDeviceCodeUrl', value: 'https://x/oauth/device-code', description: expect.any(String) },
    ]);
  });
});
