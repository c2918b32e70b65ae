import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../shared/routes.js';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, PATCH_OP, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

/**
 * The inputs `npm run fuzz` found answered with 500, pinned down one by one: values longer than
 * DynamoDB accepts in a key, forged cursors, nesting deeper than the stack, hand edits of the
 * wrong type, repeated ids.
 */
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const TOO_LONG = 'i'.repeat(3_000);
/** Past the longest id a path may carry (512 bytes), and past DynamoDB's 1 KB sort keys once prefixed. */
const JUST_TOO_LONG = 'x'.repeat(1_023);

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let scim: ScimClient;
let admin: AdminClient;
/** The admin API with raw bodies. */
let adminRaw: ScimClient;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant('hostile.example', 'Hostile Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  adminRaw = scimClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
});
afterAll(async () => api?.stop());

const filtered = (resource: 'Users' | 'Groups', expression: string) => scim.get(`/${resource}?filter=${encodeURIComponent(expression)}`);

describe('values longer than DynamoDB accepts in a key', () => {
  // Console pages answer HTML; their long ids are checked with the console's tests.
  const withId = routes.filter((route) => route.path.includes('{id}') && route.auth !== 'none' && route.auth !== 'session');

  it.each(withId.map((route) => [`${route.method} ${route.path}`, route] as const))('%s with a 1,023- or 3,000-character id answers 404', async (_key, route) => {
    const client = route.auth === 'scim' ? scim : adminRaw;
    for (const id of [JUST_TOO_LONG, TOO_LONG]) {
      const path = route.path.replace(/^\/(scim\/v2|admin\/v1)/, '').replace('{id}', id);
      const response = route.method === 'GET' || route.method === 'DELETE' ? await client.call(route.method, path) : await client.call(route.method, path, '{}', { 'content-type': 'application/json' });
      expect(response.status, response.text).toBe(404);
      if (route.auth === 'scim') expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
      else expect(response.body.error).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
    }
  });

  it.each([
    ['Users', 'userName eq', `userName eq "${TOO_LONG}"`],
    ['Users', 'externalId eq', `externalId eq "${TOO_LONG}"`],
    ['Users', 'emails.value eq', `emails.value eq "${TOO_LONG}@hostile.example"`],
    ['Users', 'id eq', `id eq "${TOO_LONG}"`],
    ['Users', 'userName eq (4-byte characters)', `userName eq "${'😀'.repeat(600)}"`],
    ['Groups', 'displayName eq', `displayName eq "${TOO_LONG}"`],
    ['Groups', 'externalId eq', `externalId eq "${TOO_LONG}"`],
    ['Groups', 'members.value eq', `members.value eq "${TOO_LONG}"`],
  ] as const)('%s: %s on a value too long for any key finds nothing', async (resource, _label, expression) => {
    const response = await filtered(resource, expression);
    expect(response.status, response.text).toBe(200);
    expect(response.body.totalResults).toBe(0);
  });

  it('lists no direct reports of a manager id too long for any key', async () => {
    const response = await admin.get(`/team-members?manager=${TOO_LONG}`);
    expect(response.status, response.text).toBe(200);
    expect(response.body.teamMembers).toEqual([]);
  });

  it('refuses a group member id too long for any key as unknown', async () => {
    const team = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Long members' });
    const response = await scim.patch(`/Groups/${team.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: 'm'.repeat(256) }] }] });
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
  });
});

describe('forged cursors', () => {
  const cursorOf = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
  const list = `T#${'{tenant}'}#users`;

  it.each([
    ['empty key values', { gsi1pk: list, gsi1sk: '', pk: '', sk: '' }],
    ['a position that is not a user of the list', { gsi1pk: list, gsi1sk: 'x', pk: 'T#other#U#x', sk: '#USER' }],
    ['a position too long for a key', { gsi1pk: list, gsi1sk: TOO_LONG, pk: `T#{tenant}#U#${TOO_LONG}`, sk: '#USER' }],
  ])('answers 400 invalidCursor to %s', async (_label, key) => {
    const forged = Object.fromEntries(Object.entries(key).map(([name, value]) => [name, String(value).replaceAll('{tenant}', tenant.tenantId)]));
    const response = await scim.get(`/Users?cursor=${cursorOf(forged)}`);
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'invalidCursor' });
  });
});

describe('nesting deeper than any resource', () => {
  const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it.each([
    ['POST', '/Users', (inner: string) => `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"deep@hostile.example","title":${inner}}`],
    ['PATCH', '/Users/x', (inner: string) => `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"title","value":${inner}}]}`],
    ['POST', '/Groups', (inner: string) => `{"schemas":["${GROUP_SCHEMA}"],"displayName":${inner}}`],
  ])('%s %s: 400 invalidSyntax for 20,000 levels', async (method, path, body) => {
    const response = await scim.call(method, path, body(deep(20_000)), { 'content-type': 'application/scim+json' });
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], scimType: 'invalidSyntax' });
  });

  it('admin API: 400 for 20,000 levels', async () => {
    const response = await adminRaw.call('POST', '/seats', `{"name":"Deep","total":1,"extra":${deep(20_000)}}`, { 'content-type': 'application/json' });
    expect(response.status, response.text).toBe(400);
  });
});

describe('hand edits', () => {
  it('validates hand-set fields (types, lengths, unknown names) with the limits of provisioned ones', async () => {
    const user = (await scim.post('/Users', oktaUser('hand.edited@hostile.example'))).body;
    for (const profile of [{ country: true }, { title: { nested: 'object' } }, { phoneNumbers: 'not a list' }, { nonsense: 'x' }, { country: 'x'.repeat(129) }]) {
      const response = await admin.patch(`/team-members/${user.id}`, { profile });
      expect(response.status, JSON.stringify(profile)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    expect((await admin.patch(`/team-members/${user.id}`, { profile: { country: '  France ' } })).status).toBe(200);
  });
});

describe('repeated ids', () => {
  it('reads a repeated seat type or group in an assignment or the default assignment once', async () => {
    const seat = (await admin.post('/seats', { name: 'Twice', total: 5 })).body.id as string;
    const group = (await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Twice' })).body.id as string;
    const assignment = await admin.post('/assignments', { name: 'Twice', priority: 3, seatTypeIds: [seat, seat], groupIds: [group, group] });
    expect(assignment.status, assignment.text).toBe(201);
    expect(assignment.body).toMatchObject({ seatTypeIds: [seat], groupIds: [group] });

    const settings = (await admin.get('/settings')).body;
    const { name, domains, allowSubdomains, defaultTimeZone, provisioningSource, notifyManagersOnImport, managersCanToggleDataCapture, version } = settings;
    const updated = await admin.put('/settings', {
      name, domains, allowSubdomains, defaultTimeZone, provisioningSource, notifyManagersOnImport, managersCanToggleDataCapture, version,
      defaultAssignment: { seatTypeIds: [seat, seat] },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.defaultAssignment.seatTypeIds).toEqual([seat]);
  });
});

describe('a resource larger than DynamoDB stores in one item', () => {
  const wide = '中'.repeat(1024);
  const addresses = Array.from({ length: 50 }, () => ({ type: 'work', streetAddress: wide, locality: wide, region: wide, formatted: wide }));

  it('refuses to create a user of more than 350 KB with 413, and stores nothing of it', async () => {
    const response = await scim.post('/Users', oktaUser('very.wide@hostile.example', { addresses }));
    expect(response.status, response.text.slice(0, 300)).toBe(413);
    expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '413', detail: expect.stringContaining('too large') });
    expect((await filtered('Users', 'userName eq "very.wide@hostile.example"')).body.totalResults).toBe(0);
  });

  it('refuses to grow a user past it with PUT, keeping the stored one', async () => {
    const user = (await scim.post('/Users', oktaUser('growing@hostile.example'))).body;
    const response = await scim.put(`/Users/${user.id}`, { ...user, addresses });
    expect(response.status).toBe(413);
    expect((await scim.get(`/Users/${user.id}`)).body).toEqual(user);
  });
});

describe('malformed percent-encoding in a path', () => {
  it('answers 404 SCIM Error JSON, not a crash', async () => {
    const response = await scim.get('/Users/%E0%A4%A');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
  });
});

describe('a path or method no route has', () => {
  const send = (method: string, path: string) =>
    fetch(`${api.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${tenant.scimToken}` } }).then(async (response) => ({
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: JSON.parse(await response.text()),
    }));

  it.each([
    ['GET', '/scim/v2/Nope'],
    ['GET', '/scim/v2'],
    ['DELETE', '/scim/v2/ServiceProviderConfig'],
    ['GET', '/scim/v2/Users/x/y'],
  ])('%s %s answers 404 SCIM Error JSON', async (method, path) => {
    const response = await send(method, path);
    expect(response.status).toBe(404);
    expect(response.contentType).toBe('application/scim+json; charset=utf-8');
    expect(response.body).toEqual({ schemas: [ERROR_SCHEMA], status: '404', detail: expect.stringContaining('no') });
  });

  it.each([
    ['GET', '/admin/v1/nope'],
    ['PATCH', '/admin/v1/settings'],
    ['GET', '/nowhere'],
  ])('%s %s answers 404 in the admin error shape', async (method, path) => {
    const response = await send(method, path);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String), requestId: expect.any(String) } });
  });
});
