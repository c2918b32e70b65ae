import type { ApiEvent } from '../../../shared/http/types.js';

/** The parts of an API Gateway HTTP API event that the http layer reads. */
export function apiEvent(method: string, body?: string, isBase64Encoded = false): ApiEvent {
  return {
    version: '2.0',
    routeKey: `${method} /scim/v2/Users`,
    rawPath: '/scim/v2/Users',
    rawQueryString: '',
    headers: {},
    isBase64Encoded,
    ...(body === undefined ? {} : { body }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'roster.test',
      domainPrefix: 'roster',
      http: { method, path: '/scim/v2/Users', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'Okta SCIM Client 1.0.0' },
      requestId: 'req-1',
      routeKey: `${method} /scim/v2/Users`,
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1767225600000,
    },
  };
}
