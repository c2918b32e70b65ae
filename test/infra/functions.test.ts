import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { functionDefinitions, type FunctionDefinition } from '../../shared/routes.js';
import { INDEXES, ITEM_FAMILY_PARTITIONS, requestIndexList } from '../../shared/store/table.js';
import { tableActions } from '../../infra/table-access.js';
import { actionsOf, deniedStatements, functionId, grantedActions, onlyResource, roleId, synthRoster } from './synth.js';

const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
const byName = functionDefinitions.map((definition): [string, FunctionDefinition] => [definition.name, definition]);

let template: Template;
let tableArn: unknown;
beforeAll(() => {
  template = synthRoster();
  tableArn = { 'Fn::GetAtt': [onlyResource(template, 'AWS::DynamoDB::Table')[0], 'Arn'] };
});

const indexArn = (name: string) => ({ 'Fn::Join': ['', [tableArn, `/index/${name}`]] });
const resourcesOf = (fnId: string, action: string) =>
  grantedActions(template, fnId)
    .filter((grant) => grant.action === action)
    .flatMap((grant) => [grant.resource].flat());

describe('functions', () => {
  it('creates exactly one nodejs22.x arm64 function per function definition, traced, with its own log group', () => {
    template.resourceCountIs('AWS::Lambda::Function', functionDefinitions.length);
    for (const { name } of functionDefinitions) {
      const fn = template.toJSON().Resources[functionId(template, name)];
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
            LOG_DEBUG_SAMPLE_RATE: '0.01',
            TOKEN_CACHE_SECONDS: '15',
            HISTORY_RETENTION_DAYS: '400',
            ADMIN_TOKEN_DAYS: '365',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('AWS_REGION');
      const logGroup = template.toJSON().Resources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(logGroup).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
    }
  });

  it('gives no deployed function a local-only default: no local client secret, loopback redirect or http issuer', () => {
    for (const { name } of functionDefinitions) {
      const variables = template.toJSON().Resources[functionId(template, name)].Properties.Environment.Variables;
      expect(variables).not.toHaveProperty('LOCAL_STACK');
      // As Lambda would run it: the table's name resolved, AWS_LAMBDA_FUNCTION_NAME set by the runtime.
      const strings = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, typeof value === 'string' ? value : key === 'CONSOLE_URL' ? 'https://api.example.com/console' : 'resolved']));
      const deployed = loadConfig({ ...strings, AWS_LAMBDA_FUNCTION_NAME: name });
      expect(deployed).toMatchObject({ LOCAL_STACK: false, OAUTH_ALLOW_LOOPBACK_REDIRECTS: false, CONSOLE_ALLOW_HTTP_ISSUERS: false });
      expect(deployed.OAUTH_CLIENT_SECRET_SHA256).toBeUndefined();
    }
  });

  it('keeps logs as long as logRetentionDays says', () => {
    const template90 = synthRoster({ logRetentionDays: '90' });
    const retentions = Object.values(template90.findResources('AWS::Logs::LogGroup')).map((group) => group.Properties.RetentionInDays);
    expect(retentions).toHaveLength(functionDefinitions.length + 1); // + the API access log
    expect(new Set(retentions)).toEqual(new Set([90]));
  });

  it.each(byName)('%s has its own role, without managed policies, that writes only its own log group', (name) => {
    const fnId = functionId(template, name);
    const role = template.toJSON().Resources[roleId(template, fnId)];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    const logGroupId = template.toJSON().Resources[fnId].Properties.LoggingConfig.LogGroup.Ref;
    expect(actionsOf(template, fnId, 'logs')).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(resourcesOf(fnId, 'logs:PutLogEvents')).toEqual([{ 'Fn::GetAtt': [logGroupId, 'Arn'] }]);
    expect(actionsOf(template, fnId, 'xray')).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it.each(byName)('%s gets exactly the table actions of its tableAccess, on the table and its indexes only', (name, definition) => {
    const fnId = functionId(template, name);
    const expected = {
      none: [],
      read: [...tableActions.read],
      readWrite: [...tableActions.read, ...tableActions.write],
    }[definition.tableAccess];
    const stream = definition.trigger === 'stream' ? streamActions : [];
    expect(actionsOf(template, fnId, 'dynamodb')).toEqual([...new Set([...expected, ...stream])].sort());
    expect(actionsOf(template, fnId, 'dynamodb')).not.toContain('dynamodb:Scan');

    for (const action of expected.filter((candidate) => candidate !== 'dynamodb:Query')) {
      expect(resourcesOf(fnId, action)).toEqual([tableArn]);
    }
    // The request-path indexes hold members and groups: a function denied both gets none of them.
    const deniedBoth = ['teamMembers', 'groups'].every((family) => (definition as FunctionDefinition).deniedItems?.includes(family as never));
    if (definition.tableAccess !== 'none') {
      const queries = grantedActions(template, fnId).filter((grant) => grant.action === 'dynamodb:Query');
      expect(queries.filter((grant) => !grant.condition).flatMap((grant) => [grant.resource].flat())).toEqual([
        tableArn,
        ...(deniedBoth ? [] : requestIndexList.map((index) => indexArn(index.name))),
      ]);
      // The tenant index, to the functions that list a company's admin tokens only (the next test).
      expect(queries.filter((grant) => grant.condition).map((grant) => grant.resource)).toEqual((definition as FunctionDefinition).readsTenantIndex ? [indexArn(INDEXES.tenant.name)] : []);
    }
  });

  it('lets only admin and console Query the tenant index, and only companies\' partitions of it (never the list of every company)', () => {
    const granted = functionDefinitions
      .map(({ name }) => name)
      .filter((name) => JSON.stringify(grantedActions(template, functionId(template, name))).includes(`/index/${INDEXES.tenant.name}`));
    expect(granted).toEqual(['admin', 'console']);
    for (const name of granted) {
      const tenantIndex = grantedActions(template, functionId(template, name)).filter((grant) => JSON.stringify(grant.resource).includes(`/index/${INDEXES.tenant.name}`));
      expect(tenantIndex).toEqual([
        { action: 'dynamodb:Query', resource: indexArn(INDEXES.tenant.name), condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#*#ALL'] } } },
      ]);
    }
  });

  it.each(byName)('%s is denied, by partition key, exactly the item families it never touches', (name, definition) => {
    const denied = deniedStatements(template, functionId(template, name));
    const families = (definition as FunctionDefinition).deniedItems ?? [];
    if (!families.length) return expect(denied).toEqual([]);
    expect(denied).toEqual([
      {
        Effect: 'Deny',
        Action: expect.arrayContaining([...tableActions.read]),
        Resource: tableArn,
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': families.flatMap((family) => ITEM_FAMILY_PARTITIONS[family]) } },
      },
    ]);
  });

  it('denies the OAuth function team members and groups, and the discovery function OAuth grants as well', () => {
    const deniedOf = (name: string) => (functionDefinitions as readonly FunctionDefinition[]).find((definition) => definition.name === name)?.deniedItems;
    expect(deniedOf('oauth')).toEqual(expect.arrayContaining(['teamMembers', 'groups']));
    expect(deniedOf('scim-discovery')).toEqual(expect.arrayContaining(['teamMembers', 'groups', 'oauthGrants']));
  });

  it('gives scim-discovery read-only table access', () => {
    const actions = actionsOf(template, functionId(template, 'scim-discovery'), 'dynamodb');
    expect(actions).toEqual([...tableActions.read].sort());
  });

  it('lets no function but the stream consumer touch the stream or the dead-letter queue', () => {
    for (const { name, trigger } of functionDefinitions) {
      const actions = grantedActions(template, functionId(template, name)).map(({ action }) => action);
      const touchesStream = actions.some((action) => streamActions.includes(action));
      const touchesQueue = actions.some((action) => action.startsWith('sqs:'));
      expect([name, touchesStream, touchesQueue]).toEqual([name, trigger === 'stream', trigger === 'stream']);
    }
  });

  it('grants no function anything beyond logs, X-Ray, its table actions, its stream and queue, and SES for the mailer', () => {
    const services = new Set(
      functionDefinitions.flatMap(({ name }) => grantedActions(template, functionId(template, name)).map(({ action }) => action.split(':')[0])),
    );
    expect([...services].sort()).toEqual(['dynamodb', 'logs', 'ses', 'sqs', 'xray']);
  });
});
