import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionDefinitions, routes, type FunctionDefinition } from '../../shared/routes.js';
import { notifierEventFilter } from '../../shared/stream-filter.js';
import { TABLE_KEY, TTL_ATTRIBUTE, indexList } from '../../shared/store/table-definition.js';
import { grantedActions, onlyResource, synthRoster } from './synth.js';

const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const keySchema = (partition: string, sort: string) => [
  { AttributeName: partition, KeyType: 'HASH' },
  { AttributeName: sort, KeyType: 'RANGE' },
];

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

/** Logical id of the Lambda function of a functionDefinitions entry (descriptions are unique). */
function functionId(name: string): string {
  const definition = functionDefinitions.find((candidate) => candidate.name === name);
  if (!definition) throw new Error(`unknown function ${name}`);
  return onlyResource(template, 'AWS::Lambda::Function', { Description: definition.description })[0];
}

describe('table', () => {
  it('is the single table of table-definition.ts', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.Properties.KeySchema).toEqual(keySchema(TABLE_KEY.partition, TABLE_KEY.sort));
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      indexList.map((index) => ({
        IndexName: index.name,
        KeySchema: keySchema(index.partition, index.sort),
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('streams both images, keeps backups, resists deletion and expires items by TTL', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      },
    });
  });
});

describe('functions', () => {
  it('creates exactly one nodejs22.x arm64 function per function definition', () => {
    template.resourceCountIs('AWS::Lambda::Function', functionDefinitions.length);
    for (const { name } of functionDefinitions) {
      const fn = template.toJSON().Resources[functionId(name)];
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: onlyResource(template, 'AWS::DynamoDB::Table')[0] },
            MAIL_FROM: 'Roster <no-reply@example.com>',
            PRODUCT_URL: 'https://app.example.com',
            STAGE: 'dev',
            LOG_LEVEL: 'info',
            TOKEN_CACHE_SECONDS: '15',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('AWS_REGION');
    }
  });

  it.each(functionDefinitions.map((definition): [string, FunctionDefinition] => [definition.name, definition]))(
    '%s gets exactly the table access of its definition',
    (name, definition) => {
      const actions = grantedActions(template, functionId(name)).map(({ action }) => action);
      const dynamodbActions = actions.filter((action) => action.startsWith('dynamodb:'));
      if (definition.tableAccess === 'none') expect(dynamodbActions).toEqual([]);
      if (definition.tableAccess !== 'none') expect(dynamodbActions).toContain('dynamodb:Query');
      if (definition.tableAccess === 'readWrite') expect(dynamodbActions).toEqual(expect.arrayContaining(writeActions));
      else for (const write of writeActions) expect(dynamodbActions).not.toContain(write);
      expect(dynamodbActions.includes('dynamodb:DescribeStream')).toBe(definition.trigger === 'stream');
    },
  );

  it('gives scim-discovery read-only table access', () => {
    const actions = grantedActions(template, functionId('scim-discovery')).map(({ action }) => action);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.filter((action) => writeActions.includes(action))).toEqual([]);
  });
});

describe('api', () => {
  it('has one route per entry of the route table, without an API Gateway authorizer', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const route of routes) {
      const [, resource] = onlyResource(template, 'AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
      });
      expect(resource.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(resource.Properties.AuthorizerId).toBeUndefined();
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  it('binds every route to its own function with payload format 2.0', () => {
    for (const route of routes) {
      const [, resource] = onlyResource(template, 'AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
      });
      const integrationId: string = resource.Properties.Target['Fn::Join'][1][1].Ref;
      expect(template.toJSON().Resources[integrationId].Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [functionId(route.function), 'Arn'] },
      });
    }
    const httpFunctions = new Set(routes.map((route) => route.function));
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', httpFunctions.size);
  });

  it('throttles and access-logs the default stage, without CORS', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.stringLikeRegexp('requestId') },
    });
    const [, api] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it('outputs the API URL, the SCIM base URL and the table name', () => {
    const outputs = template.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'ScimBaseUrl', 'TableName']));
    expect(JSON.stringify(outputs.ScimBaseUrl.Value)).toContain('/scim/v2');
  });
});

describe('notifier', () => {
  it('reads team member inserts and updates from the table stream, with a dead-letter queue', () => {
    const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
    const [queueId] = onlyResource(template, 'AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    const [, mapping] = onlyResource(template, 'AWS::Lambda::EventSourceMapping');
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: { Ref: functionId('notify-managers') },
      StartingPosition: 'LATEST',
      BatchSize: 100,
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

  it('may send mail only as the configured SES identity, and nothing else may send mail', () => {
    for (const { name } of functionDefinitions) {
      const sesGrants = grantedActions(template, functionId(name)).filter(({ action }) => action.startsWith('ses:'));
      if (name !== 'notify-managers') {
        expect(sesGrants).toEqual([]);
        continue;
      }
      expect(sesGrants.map(({ action }) => action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      for (const { resource } of sesGrants) {
        expect(JSON.stringify(resource)).toMatch(/:ses:.*:identity\/no-reply@example\.com"/);
      }
    }
  });

  it('creates the SES identity only when asked to', () => {
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const withIdentity = synthRoster({ mailFrom: 'roster.example.com', createSesIdentity: 'true' });
    withIdentity.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'roster.example.com' });
    withIdentity.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAIL_FROM: 'Roster <no-reply@roster.example.com>' }) },
    });
  });
});

describe('alarms', () => {
  const alarmOn = (metricName: string) =>
    Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: metricName } }));

  it('alarms on API 5xx, every function’s errors and throttles, dead letters and table throttles', () => {
    expect(alarmOn('5xx')).toHaveLength(1);
    expect(alarmOn('Errors')).toHaveLength(functionDefinitions.length);
    expect(alarmOn('Throttles')).toHaveLength(functionDefinitions.length);
    expect(alarmOn('ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    const tableThrottles = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((alarm) =>
      JSON.stringify(alarm.Properties.Metrics ?? []).includes('ThrottledRequests'),
    );
    expect(tableThrottles).toHaveLength(1);
    expect(tableThrottles[0]?.Properties.Metrics.length).toBeLessThanOrEqual(11);
  });

  it('sends every alarm to the SNS topic, which mails alarmEmail only when given', () => {
    const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    }
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    synthRoster({ alarmEmail: 'oncall@example.com' }).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });
});
