import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionDefinitions, type FunctionDefinition } from '../../../shared/routes.js';
import { db } from '../../../shared/store/client.js';
import { ITEM_FAMILY_PARTITIONS } from '../../../shared/store/table.js';
import { startTestApi } from '../../support/http-stack.js';
import { oauthClient } from '../../support/oauth-client.js';
import { scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

/**
 * The Deny of infra/table-access.ts, checked against what the functions really do: every partition
 * key the OAuth and discovery functions touch on DynamoDB Local, none of their denied families.
 */
let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
const touched: string[] = [];

const partitionKeys = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(partitionKeys);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, entry]) =>
    (name === 'pk' || name === ':pk') && typeof entry === 'string' ? [entry] : partitionKeys(entry),
  );
};

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant('families.example', 'Families Co');
  db().middlewareStack.add(
    (next) => async (args) => {
      touched.push(...partitionKeys(args.input));
      return next(args);
    },
    { step: 'initialize', name: 'itemFamilyRecorder' },
  );
});
afterAll(async () => api?.stop());

const deniedPatterns = (name: string) => {
  const definition = (functionDefinitions as readonly FunctionDefinition[]).find((candidate) => candidate.name === name)!;
  return (definition.deniedItems ?? []).flatMap((family) => ITEM_FAMILY_PARTITIONS[family]);
};
const matches = (pattern: string, key: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(key);

async function keysTouchedBy(work: () => Promise<void>): Promise<string[]> {
  touched.length = 0;
  await work();
  return [...touched];
}

describe('item families a function is denied', () => {
  it('are never touched by the OAuth function: sign-in, consent, code, token, refresh, revoke', async () => {
    const oauth = oauthClient(`${api.baseUrl}/oauth`);
    const keys = await keysTouchedBy(async () => {
      const tokens = await oauth.tokensFor(tenant.adminToken);
      const refreshed = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
      expect(refreshed.status).toBe(200);
      expect((await oauth.revoke(refreshed.json.refresh_token)).status).toBe(200);
    });
    expect(keys.length).toBeGreaterThan(5);
    const denied = deniedPatterns('oauth');
    expect(denied.length).toBeGreaterThan(0);
    expect(keys.filter((key) => denied.some((pattern) => matches(pattern, key)))).toEqual([]);
  });

  it('are never touched by the discovery function, with a SCIM token', async () => {
    const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
    const keys = await keysTouchedBy(async () => {
      for (const path of ['/ServiceProviderConfig', '/Schemas', '/ResourceTypes', '/ResourceTypes/User']) expect((await scim.get(path)).status).toBe(200);
    });
    expect(keys.length).toBeGreaterThan(0);
    const denied = deniedPatterns('scim-discovery');
    expect(keys.filter((key) => denied.some((pattern) => matches(pattern, key)))).toEqual([]);
  });

  it('patterns that tell the families apart: a member is not a connection, a token is not an OAuth grant', () => {
    expect(matches('T#*#U#*', 'T#acme#U#0190')).toBe(true);
    expect(matches('T#*#U#*', 'T#acme#CONN')).toBe(false);
    expect(matches('OAUTH#*', 'TOKEN#abc')).toBe(false);
  });
});
