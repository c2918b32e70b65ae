import { describe, expect, it } from 'vitest';
import { parseListQuery } from '../../../shared/scim/list-query.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, serviceProviderConfig } from '../../../shared/scim/service-provider-config.js';
import { SERVICE_PROVIDER_CONFIG } from '../../../shared/scim/schema/urns.js';

const config = serviceProviderConfig('https://roster.test');

describe('serviceProviderConfig', () => {
  it('is a ServiceProviderConfig located under the base URL', () => {
    expect(config.schemas).toEqual([SERVICE_PROVIDER_CONFIG]);
    expect(config.meta).toEqual({ resourceType: 'ServiceProviderConfig', location: 'https://roster.test/scim/v2/ServiceProviderConfig' });
  });

  it.each([
    ['patch', true],
    ['filter', true],
    ['etag', true],
    ['bulk', false],
    ['changePassword', false],
    ['sort', false],
  ] as const)('%s supported: %s', (feature, supported) => {
    expect(config[feature].supported).toBe(supported);
  });

  it('advertises the page sizes list queries enforce', () => {
    expect(config.filter.maxResults).toBe(MAX_PAGE_SIZE);
    expect(config.pagination).toMatchObject({ cursor: true, index: true, defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE });
    expect(parseListQuery({}).count).toBe(config.pagination.defaultPageSize);
    expect(parseListQuery({ count: String(MAX_PAGE_SIZE * 10) }).count).toBe(config.pagination.maxPageSize);
    expect(DEFAULT_PAGE_SIZE).toBeLessThanOrEqual(MAX_PAGE_SIZE);
  });

  it('offers bulk with no capacity, consistently with "not supported"', () => {
    expect(config.bulk).toEqual({ supported: false, maxOperations: 0, maxPayloadSize: 0 });
  });

  it('has exactly one, primary, bearer authentication scheme', () => {
    expect(config.authenticationSchemes).toHaveLength(1);
    expect(config.authenticationSchemes[0]).toMatchObject({ type: 'oauthbearertoken', primary: true });
  });
});
