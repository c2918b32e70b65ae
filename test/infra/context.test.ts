import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { ContextError, readSettings } from '../../infra/context.js';
import { certificateArn } from './example-context.js';

const fromContext = (context: Record<string, unknown>) => () => readSettings((key) => context[key]);
const required = { mailFrom: 'example.com', productUrl: 'https://app.example.com' };

describe('readSettings', () => {
  it('applies the defaults', () => {
    expect(fromContext(required)()).toEqual({
      stage: 'dev',
      mail: { identity: 'example.com', identityKind: 'domain', fromAddress: 'no-reply@example.com', createIdentity: false },
      productUrl: 'https://app.example.com',
      logRetention: RetentionDays.ONE_MONTH,
      logLevel: 'info',
      logDebugSampleRate: 0.01,
      tokenCacheSeconds: 15,
      historyRetentionDays: 400,
      adminTokenDays: 365,
      oauth: { clientId: 'roster-okta', clientSecretSha256: undefined },
      alarmEmail: undefined,
      throttle: { rateLimit: 50, burstLimit: 100 },
      customDomain: undefined,
    });
  });

  it('takes a custom domain as domainName and certificateArn together', () => {
    expect(fromContext({ ...required, domainName: 'scim.example.com', certificateArn })().customDomain).toEqual({
      domainName: 'scim.example.com',
      certificateArn,
    });
    expect(fromContext({ ...required, domainName: 'scim.example.com' })).toThrowError(/domainName: domainName and certificateArn go together/);
    expect(fromContext({ ...required, certificateArn })).toThrowError(/domainName and certificateArn go together/);
  });

  it('accepts -c strings as well as JSON values from cdk.json', () => {
    const fromStrings = fromContext({
      ...required,
      stage: 'prod',
      mailFrom: 'Roster@example.com',
      createSesIdentity: 'true',
      logRetentionDays: '90',
      alarmEmail: 'oncall@example.com',
      throttleRate: '25.5',
      throttleBurst: '40',
    })();
    const fromJson = fromContext({ ...required, createSesIdentity: true, logRetentionDays: 90, throttleBurst: 40 })();
    expect(fromStrings).toMatchObject({
      stage: 'prod',
      mail: { identity: 'Roster@example.com', identityKind: 'email', fromAddress: 'Roster@example.com', createIdentity: true },
      logRetention: RetentionDays.THREE_MONTHS,
      alarmEmail: 'oncall@example.com',
      throttle: { rateLimit: 25.5, burstLimit: 40 },
    });
    expect(fromJson).toMatchObject({ mail: { createIdentity: true }, logRetention: 90, throttle: { burstLimit: 40 } });
  });

  it('treats an empty -c value as not set', () => {
    expect(fromContext({ ...required, alarmEmail: '' })().alarmEmail).toBeUndefined();
  });

  it('names every missing required key at once', () => {
    expect(fromContext({})).toThrowError(ContextError);
    expect(fromContext({})).toThrowError(/mailFrom: required[\s\S]*productUrl: required/);
  });

  it.each([
    ['stage', 'Prod_1', /stage: must be 1-20 lower-case/],
    ['stage', 'local', /stage: local is reserved for the local stack/],
    ['mailFrom', 'not an identity', /mailFrom: must be an email address .* or a domain/],
    ['productUrl', 'ftp://example.com', /productUrl: must be the product web app URL/],
    ['createSesIdentity', 'yes', /createSesIdentity: must be true or false/],
    ['logRetentionDays', '31', /logRetentionDays: must be one of 1, 3, 5, 7, 14, 30/],
    ['alarmEmail', 'oncall', /alarmEmail: must be an email address/],
    ['throttleRate', '0', /throttleRate/],
    ['throttleBurst', '1.5', /throttleBurst/],
    ['logLevel', 'verbose', /logLevel/],
    ['logDebugSampleRate', '1.5', /logDebugSampleRate/],
    ['domainName', 'https://scim.example.com', /domainName: must be a domain name/],
    ['certificateArn', 'arn:aws:iam::123456789012:server-certificate/x', /certificateArn: must be an ACM certificate ARN/],
  ])('rejects %s=%s with a clear message', (key, value, message) => {
    expect(fromContext({ ...required, [key]: value })).toThrowError(message);
  });
});
