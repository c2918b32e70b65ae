import { ADMIN_PREFIX, OAUTH_PREFIX, SCIM_PREFIX, type RouteDefinition } from '../shared/routes.js';

export interface ApiOutput {
  id: string;
  value: string;
  description: string;
}

const pascalCase = (text: string): string =>
  text
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/**
 * The URLs a platform engineer needs from `cdk deploy`, derived from the route table so a new API
 * gets its output with its first route: the SCIM base URL (for Okta), the admin base URL and each
 * OAuth endpoint (for an Okta OIN app's OAuth settings).
 */
export function apiOutputs(routes: readonly RouteDefinition[], baseUrl: string): ApiOutput[] {
  const under = (prefix: string) => routes.filter((route) => route.path.startsWith(`${prefix}/`));
  const outputs: ApiOutput[] = [{ id: 'ApiUrl', value: baseUrl, description: 'Base URL of the Roster API' }];
  if (under(SCIM_PREFIX).length) {
    outputs.push({ id: 'ScimBaseUrl', value: `${baseUrl}${SCIM_PREFIX}`, description: 'SCIM 2.0 base URL to give Okta' });
  }
  if (under(ADMIN_PREFIX).length) {
    outputs.push({ id: 'AdminBaseUrl', value: `${baseUrl}${ADMIN_PREFIX}`, description: 'Admin API base URL' });
  }
  for (const path of new Set(under(OAUTH_PREFIX).map((route) => route.path))) {
    const endpoint = path.slice(OAUTH_PREFIX.length + 1);
    outputs.push({ id: `OAuth${pascalCase(endpoint)}Url`, value: `${baseUrl}${path}`, description: `OAuth 2.0 ${endpoint} endpoint` });
  }
  return outputs;
}
