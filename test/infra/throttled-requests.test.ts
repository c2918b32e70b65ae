import {
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '../../shared/config.js';

/**
 * API Gateway's own stage throttling answers a bare 429 that HTTP APIs cannot customise (docs/deploy.md,
 * "Known limitations"). What Okta relies on instead is the functions' 429: when DynamoDB throttles,
 * a deployed handler answers SCIM Error JSON with an integer Retry-After, so Okta waits and retries.
 */
const failure = vi.hoisted(() => ({ error: undefined as unknown }));

vi.mock('../../shared/store/client.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/store/client.js')>();
  return {
    ...original,
    db: () => ({
      send: async () => {
        throw failure.error;
      },
    }),
  };
});

const { handler } = await import('../../functions/scim-users/handler.js');

const event = (): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /scim/v2/Users',
    rawPath: '/scim/v2/Users',
    rawQueryString: 'filter=userName%20eq%20%22a%40example.com%22',
    queryStringParameters: { filter: 'userName eq "a@example.com"' },
    headers: { authorization: 'Bearer roster_scim_throttled', host: 'api.example.com' },
    requestContext: {
      requestId: 'request-1',
      domainName: 'api.example.com',
      stage: '$default',
      http: { method: 'GET', path: '/scim/v2/Users', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'Okta SCIM Client' },
    },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const context = { awsRequestId: 'lambda-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const metadata = { $metadata: {} };

beforeAll(() => {
  vi.stubEnv('TABLE_NAME', 'roster-test');
  vi.stubEnv('LOG_LEVEL', 'silent');
  resetConfigForTests();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
});

describe('a request DynamoDB throttles', () => {
  it.each([
    ['ProvisionedThroughputExceededException', () => new ProvisionedThroughputExceededException({ message: 'throttled', ...metadata })],
    ['ThrottlingException', () => new ThrottlingException({ message: 'throttled', ...metadata })],
    ['RequestLimitExceeded', () => new RequestLimitExceeded({ message: 'throttled', ...metadata })],
    [
      'a transaction cancelled by throttling',
      () => new TransactionCanceledException({ message: 'cancelled', CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }], ...metadata }),
    ],
  ])('answers 429 SCIM Error JSON with an integer Retry-After on %s', async (_, makeError) => {
    failure.error = makeError();
    const response = await handler(event(), context);
    expect(response.statusCode).toBe(429);
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
    expect(headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(JSON.parse(response.body ?? '')).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '429',
      detail: expect.any(String),
    });
  });
});
