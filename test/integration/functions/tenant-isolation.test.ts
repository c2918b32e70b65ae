import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashToken } from '../../../shared/auth/tokens.js';
import { routes } from '../../../shared/routes.js';
import { getTenant } from '../../../shared/store/tenants.js';
import { consoleClient } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { emailsTo } from '../../support/ses-inbox.js';
import { consentTicketOf, oauthClient } from '../../support/oauth-client.js';
import { oktaUser, scimClient, type ScimClient, type ScimResponse } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const json = { 'content-type': 'application/json' };

let api: Awaited<ReturnType<typeof startTestApi>>;
let a: TestTenant;
let b: TestTenant;
let oauth: ReturnType<typeof oauthClient>;
/** A's data, as A sees it before B runs anything. */
const ofA = {
  user: undefined as any,
  group: undefined as any,
  connectionId: '',
  seatId: '',
  workspaceId: '',
  assignmentId: '',
  oauthTokens: undefined as any,
  snapshot: '',
};
/** B's callers: its plain SCIM bearer token and an OAuth access token of B's. */
let bScim: ScimClient[];
let bAdmin: ScimClient;

const scimOf = (token: string) => scimClient(`${api.baseUrl}/scim/v2`, token);
const adminOf = (token: string) => scimClient(`${api.baseUrl}/admin/v1`, token);
const filter = (expression: string) => `?filter=${encodeURIComponent(expression)}`;

/** Everything of A that B could change: A's resources and connections, read with A's tokens. */
async function snapshotOfA(): Promise<string> {
  const scim = scimOf(a.scimToken);
  const admin = adminOf(a.adminToken);
  return JSON.stringify({
    settings: (await admin.get('/settings')).body,
    seats: (await admin.get('/seats')).body,
    workspaces: (await admin.get('/workspaces')).body,
    assignments: (await admin.get('/assignments')).body,
    teamMember: (await admin.get(`/team-members/${ofA.user.id}`)).body,
    user: (await scim.get(`/Users/${ofA.user.id}`)).body,
    users: (await scim.get('/Users?count=100')).body,
    group: (await scim.get(`/Groups/${ofA.group.id}`)).body,
    groups: (await scim.get('/Groups?count=100')).body,
    connections: (await adminOf(a.adminToken).get('/connections')).body.connections.map(({ lastUsedAt: _, ...rest }: any) => rest),
    adminTokens: (await admin.get('/admin-tokens')).body.adminTokens.map(({ lastUsedAt: _, ...rest }: any) => rest),
  });
}

beforeAll(async () => {
  api = await startTestApi();
  oauth = oauthClient(`${api.baseUrl}/oauth`);
  [a, b] = await Promise.all([createTestTenant('a.example', 'Company A'), createTestTenant('b.example', 'Company B')]);
  // Every case below looks for these; a setup that failed would let them pass without looking.
  const created = async (what: string, request: Promise<ScimResponse>) => {
    const response = await request;
    if (response.status !== 201) throw new Error(`setup: ${what} answered ${response.status} ${response.text}`);
    return response.body;
  };
  const scimA = scimOf(a.scimToken);
  ofA.user = await created('POST /Users', scimA.post('/Users', oktaUser('jane.doe@a.example', { externalId: 'ext-a-1' })));
  const engineering = { schemas: [GROUP_SCHEMA], displayName: 'Engineering A', externalId: 'grp-a-1', members: [{ value: ofA.user.id }] };
  ofA.group = await created('POST /Groups', scimA.post('/Groups', engineering));
  const adminA = adminOf(a.adminToken);
  const createdId = async (path: string, body: unknown) => (await created(`POST ${path}`, adminA.call('POST', path, JSON.stringify(body), json))).id as string;
  ofA.connectionId = await createdId('/connections', { name: 'A second instance' });
  ofA.seatId = await createdId('/seats', { name: 'Seat A-only', total: 3 });
  ofA.workspaceId = await createdId('/workspaces', { name: 'Workspace A-only', permissionProfiles: [{ id: 'viewer', name: 'Viewer' }] });
  ofA.assignmentId = await createdId('/assignments', {
    name: 'Assignment A-only',
    priority: 5,
    seatTypeIds: [ofA.seatId],
    groupIds: [ofA.group.id],
  });
  ofA.oauthTokens = await oauth.tokensFor(a.adminToken);
  const { version, ...settingsA } = (await adminA.get('/settings')).body;
  const pending = await adminA.call('PUT', '/settings', JSON.stringify({ ...settingsA, domains: ['a.example', 'a-pending.example'], version }), json);
  if (pending.body?.pendingDomains?.length !== 1) throw new Error(`setup: PUT /settings answered ${pending.status} ${pending.text}`);
  ofA.snapshot = await snapshotOfA();

  const bTokens = await oauth.tokensFor(b.adminToken);
  bScim = [scimOf(b.scimToken), scimOf(bTokens.access_token)];
  bAdmin = adminOf(b.adminToken);
});
afterAll(async () => api?.stop());

/** The id of A's admin token, as A's own admin token list names it. */
const adminTokenIdOfA = () => hashToken(a.adminToken).slice(0, 12);

const neverSeesA = (text: string) => {
  const secrets = [ofA.user.id, 'jane.doe@a.example', 'ext-a-1', a.tenantId, ofA.connectionId, 'Company A', 'a.example', adminTokenIdOfA(), a.adminToken];
  const config = [ofA.seatId, ofA.workspaceId, ofA.assignmentId, 'Seat A-only', 'Workspace A-only', 'Assignment A-only'];
  for (const secret of [...secrets, ...config, ofA.group.id]) {
    expect(text).not.toContain(secret);
  }
};

const userCases = (kind: 'Users' | 'Groups') => {
  const id = () => (kind === 'Users' ? ofA.user.id : ofA.group.id);
  // A's externalId (and, for groups, displayName) with B's own email domain.
  const body = () =>
    kind === 'Users' ? oktaUser('jane.doe@b.example', { externalId: 'ext-a-1' }) : { schemas: [GROUP_SCHEMA], displayName: 'Engineering A', externalId: 'grp-a-1' };
  const lookups = () =>
    kind === 'Users'
      ? ['userName eq "jane.doe@a.example"', 'externalId eq "ext-a-1"', 'emails.value eq "jane.doe@a.example"', `id eq "${ofA.user.id}"`]
      : ['displayName eq "Engineering A"', 'externalId eq "grp-a-1"', `id eq "${ofA.group.id}"`];
  return {
    [`GET /scim/v2/${kind}`]: async () => {
      for (const scim of bScim) {
        const list = await scim.get(`/${kind}?count=200`);
        expect(list.status).toBe(200);
        neverSeesA(list.text);
        for (const expression of lookups()) {
          const found = await scim.get(`/${kind}${filter(expression)}`);
          expect(found.status, expression).toBe(200);
          expect(found.body.totalResults, expression).toBe(0);
        }
      }
    },
    [`POST /scim/v2/${kind}/.search`]: async () => {
      for (const scim of bScim) {
        const list = await scim.post(`/${kind}/.search`, { schemas: [SEARCH_REQUEST], count: 200 });
        expect(list.status).toBe(200);
        neverSeesA(list.text);
        for (const expression of lookups()) {
          const found = await scim.post(`/${kind}/.search`, { schemas: [SEARCH_REQUEST], filter: expression });
          expect(found.status, expression).toBe(200);
          expect(found.body.totalResults, expression).toBe(0);
        }
      }
    },
    [`POST /scim/v2/${kind}`]: async () => {
      // A's unique values are free in B (a 409 would tell B they exist in A); B gets its own resource,
      // removed again so that the other cases still look for A's values only.
      const created = await bScim[0]!.post(`/${kind}`, body());
      expect(created.status, created.text).toBe(201);
      expect(created.body.id).not.toBe(id());
      expect((await bScim[0]!.delete(`/${kind}/${created.body.id}`)).status).toBe(204);
    },
    [`GET /scim/v2/${kind}/{id}`]: async () => {
      for (const scim of bScim) expect((await scim.get(`/${kind}/${id()}`)).status).toBe(404);
    },
    [`PUT /scim/v2/${kind}/{id}`]: async () => {
      for (const scim of bScim) expect((await scim.put(`/${kind}/${id()}`, body())).status).toBe(404);
    },
    [`PATCH /scim/v2/${kind}/{id}`]: async () => {
      const patch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: kind === 'Users' ? { active: false } : { displayName: 'Hijacked' } }] };
      for (const scim of bScim) expect((await scim.patch(`/${kind}/${id()}`, patch)).status).toBe(404);
    },
    [`DELETE /scim/v2/${kind}/{id}`]: async () => {
      for (const scim of bScim) expect((await scim.delete(`/${kind}/${id()}`)).status).toBe(404);
    },
  };
};

const discovery = async (path: string) => {
  for (const scim of bScim) {
    const response = await scim.get(path);
    expect(response.status).toBe(200);
    neverSeesA(response.text);
  }
};

/** B's admin against A's company configuration and team members (the provisioning admin API). */
function companyAdminCases(): Record<string, () => Promise<void>> {
  const put = (path: string, body: unknown) => bAdmin.call('PUT', path, JSON.stringify(body), json);
  const post = (path: string, body: unknown) => bAdmin.call('POST', path, JSON.stringify(body), json);
  const listsNothingOfA = (path: string) => async () => {
    const response = await bAdmin.get(path);
    expect(response.status, path).toBe(200);
    neverSeesA(response.text);
  };
  const seat = { name: 'Seat B', total: 1 };
  const workspace = { name: 'Workspace B', permissionProfiles: [] };
  const assignment = { name: 'Assignment B', priority: 1 };
  return {
    'GET /admin/v1/settings': async () => {
      const settings = await bAdmin.get('/settings');
      expect(settings.body.name).toBe('Company B');
      neverSeesA(settings.text);
    },
    'PUT /admin/v1/settings': async () => {
      const { name, domains, allowSubdomains, defaultTimeZone, provisioningSource, notifyManagersOnImport, managersCanToggleDataCapture, version } =
        (await bAdmin.get('/settings')).body;
      const body = { name, domains, allowSubdomains, defaultTimeZone, provisioningSource, notifyManagersOnImport, managersCanToggleDataCapture, version };
      expect((await put('/settings', { ...body, notifyManagersOnImport: !notifyManagersOnImport })).status).toBe(200);
    },
    'POST /admin/v1/domains/{id}/verify': async () => {
      for (const domain of ['a-pending.example', 'a.example']) {
        const response = await post(`/domains/${domain}/verify`, {});
        expect(response.status, domain).toBe(404);
        neverSeesA(response.text);
      }
    },
    'GET /admin/v1/seats': listsNothingOfA('/seats'),
    'POST /admin/v1/seats': async () => expect((await post('/seats', seat)).status).toBe(201),
    'PUT /admin/v1/seats/{id}': async () => expect((await put(`/seats/${ofA.seatId}`, seat)).status).toBe(404),
    'GET /admin/v1/workspaces': listsNothingOfA('/workspaces'),
    'POST /admin/v1/workspaces': async () => expect((await post('/workspaces', workspace)).status).toBe(201),
    'PUT /admin/v1/workspaces/{id}': async () => expect((await put(`/workspaces/${ofA.workspaceId}`, workspace)).status).toBe(404),
    'GET /admin/v1/assignments': listsNothingOfA('/assignments'),
    'POST /admin/v1/assignments': async () => {
      expect((await post('/assignments', assignment)).status).toBe(201);
      // A's seat types and groups are unknown in B.
      const naming = await post('/assignments', { ...assignment, seatTypeIds: [ofA.seatId], groupIds: [ofA.group.id] });
      expect(naming.status).toBeGreaterThanOrEqual(400);
      neverSeesA(naming.text.replaceAll(ofA.seatId, '').replaceAll(ofA.group.id, ''));
    },
    'GET /admin/v1/assignments/{id}': async () => expect((await bAdmin.get(`/assignments/${ofA.assignmentId}`)).status).toBe(404),
    'PUT /admin/v1/assignments/{id}': async () => expect((await put(`/assignments/${ofA.assignmentId}`, assignment)).status).toBe(404),
    'DELETE /admin/v1/assignments/{id}': async () => expect((await bAdmin.delete(`/assignments/${ofA.assignmentId}`)).status).toBe(404),
    'GET /admin/v1/team-members': listsNothingOfA('/team-members?count=200'),
    'GET /admin/v1/team-members/{id}': async () => expect((await bAdmin.get(`/team-members/${ofA.user.id}`)).status).toBe(404),
    'GET /admin/v1/team-members/{id}/history': async () => expect((await bAdmin.get(`/team-members/${ofA.user.id}/history`)).status).toBe(404),
    'PATCH /admin/v1/team-members/{id}': async () => {
      const response = await bAdmin.call('PATCH', `/team-members/${ofA.user.id}`, JSON.stringify({ settings: { permissions: {} } }), json);
      expect(response.status).toBe(404);
    },
    'PUT /admin/v1/team-members/{id}/data-capture': async () =>
      expect((await put(`/team-members/${ofA.user.id}/data-capture`, { dataCapture: {} })).status).toBe(404),
    'POST /admin/v1/team-members/{id}/erase': async () => {
      expect((await post(`/team-members/${ofA.user.id}/erase`, {})).status).toBe(404);
      expect((await scimOf(a.scimToken).get(`/Users/${ofA.user.id}`)).status).toBe(200);
    },
    'GET /admin/v1/import-errors': listsNothingOfA('/import-errors'),
  };
}

/** One case per route of the route table (a test below fails when a route has none). */
const cases: Record<string, () => Promise<void>> = {
  ...userCases('Users'),
  ...userCases('Groups'),
  'GET /scim/v2/ServiceProviderConfig': () => discovery('/ServiceProviderConfig'),
  'GET /scim/v2/Schemas': () => discovery('/Schemas'),
  'GET /scim/v2/Schemas/{id}': () => discovery('/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'),
  'GET /scim/v2/ResourceTypes': () => discovery('/ResourceTypes'),
  'GET /scim/v2/ResourceTypes/{id}': () => discovery('/ResourceTypes/User'),
  'POST /scim/v2/.search': async () => {
    const lookups = ['userName eq "jane.doe@a.example"', 'externalId eq "ext-a-1"', `id eq "${ofA.user.id}" or id eq "${ofA.group.id}"`, 'displayName eq "Engineering A"'];
    for (const scim of bScim) {
      const everything = await scim.post('/.search', { schemas: [SEARCH_REQUEST], count: 200 });
      expect(everything.status).toBe(200);
      neverSeesA(everything.text);
      for (const filter of lookups) {
        const found = await scim.post('/.search', { schemas: [SEARCH_REQUEST], filter });
        expect(found.status, filter).toBe(200);
        expect(found.body.totalResults, filter).toBe(0);
      }
    }
  },

  ...companyAdminCases(),

  'GET /admin/v1/connections': async () => {
    const listed = await bAdmin.get('/connections');
    expect(listed.status).toBe(200);
    neverSeesA(listed.text);
    expect(listed.body.connections.map((connection: { id: string }) => connection.id)).not.toContain(a.connectionId);
  },
  'POST /admin/v1/connections': async () => {
    const created = await bAdmin.call('POST', '/connections', JSON.stringify({ name: 'A second instance' }), json);
    expect(created.status).toBe(201);
  },
  'DELETE /admin/v1/connections/{id}': async () => {
    for (const id of [a.connectionId, ofA.connectionId]) expect((await bAdmin.delete(`/connections/${id}`)).status).toBe(404);
  },
  'POST /admin/v1/connections/{id}/tokens': async () => {
    for (const id of [a.connectionId, ofA.connectionId]) {
      const response = await bAdmin.call('POST', `/connections/${id}/tokens`);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('roster_scim_');
    }
  },

  'GET /admin/v1/admin-tokens': async () => {
    const listed = await bAdmin.get('/admin-tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.adminTokens.map((token: { id: string }) => token.id)).toContain(hashToken(b.adminToken).slice(0, 12));
    neverSeesA(listed.text);
  },
  'POST /admin/v1/admin-tokens': async () => {
    // B's new token is B's: it reads B's settings, and its list holds nothing of A.
    const issued = await bAdmin.call('POST', '/admin-tokens');
    expect(issued.status).toBe(201);
    expect((await adminOf(issued.body.token).get('/settings')).body.name).toBe('Company B');
    neverSeesA((await adminOf(issued.body.token).get('/admin-tokens')).text);
  },
  'POST /admin/v1/admin-tokens/{id}/rotate': async () => {
    const refused = await bAdmin.call('POST', `/admin-tokens/${adminTokenIdOfA()}/rotate`);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain('roster_admin_');
    neverSeesA(refused.text.replaceAll(adminTokenIdOfA(), ''));
    expect((await adminOf(a.adminToken).get('/settings')).status).toBe(200);
  },
  'DELETE /admin/v1/admin-tokens/{id}': async () => {
    expect((await bAdmin.delete(`/admin-tokens/${adminTokenIdOfA()}`)).status).toBe(404);
    expect((await adminOf(a.adminToken).get('/settings')).status).toBe(200);
  },

  'GET /oauth/authorize': async () => {
    const page = await oauth.authorize(oauth.authorizeParams());
    expect(page.status).toBe(200);
    neverSeesA(page.text);
  },
  'POST /oauth/authorize': async () => {
    const consent = await oauth.signIn(b.adminToken);
    expect(consent.text).toContain('into Company B');
    neverSeesA(consent.text);
    // B's admin cannot bind Okta to one of A's connections by sending its id.
    for (const id of [a.connectionId, ofA.connectionId]) {
      const ticket = consentTicketOf((await oauth.signIn(b.adminToken)).text);
      const decision = await oauth.submit({ consent_ticket: ticket, decision: 'allow', connection: id });
      expect(decision.status).toBe(404);
      expect(decision.headers.get('location')).toBeNull();
    }
  },
  'POST /oauth/token': async () => {
    // B's grant yields tokens of B: its refresh gives an access token that sees nothing of A.
    const tokens = await oauth.tokensFor(b.adminToken);
    const renewed = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(renewed.status).toBe(200);
    const scim = scimOf(renewed.json.access_token);
    expect((await scim.get(`/Users/${ofA.user.id}`)).status).toBe(404);
    neverSeesA((await scim.get('/Users?count=200')).text);
  },
  'POST /oauth/revoke': async () => {
    const tokens = await oauth.tokensFor(b.adminToken);
    expect((await oauth.revoke(tokens.refresh_token)).status).toBe(200);
    expect((await scimOf(tokens.access_token).get('/Users?count=1')).status).toBe(401);
  },
  ...consoleCases(),
};

/** The console signed in as B's tech admin (admin token), and signed out, against A's ids. */
function consoleCases(): Record<string, () => Promise<void>> {
  const signedInAsB = async () => {
    const client = consoleClient(api.baseUrl);
    const form = await client.get(`/console/sign-in?company=${b.tenantId}`);
    const signedIn = await client.post('/console/sign-in/admin-token', { csrf: client.csrfOf(form), company: b.tenantId, admin_token: b.adminToken, next: '/console/team' });
    expect(signedIn.status).toBe(303);
    return client;
  };
  const csrfOf = async (client: ReturnType<typeof consoleClient>) => client.csrfOf(await client.get('/console/team'));
  return {
    'GET /console': async () => expect((await (await signedInAsB()).get('/console')).location).toBe('/console/team'),
    'GET /console/sign-in': async () => neverSeesA((await consoleClient(api.baseUrl).get(`/console/sign-in?company=${b.tenantId}`)).html),
    'POST /console/sign-in/email': async () => {
      // A's person asked for under B's company: the same answer as anyone, and no link.
      const client = consoleClient(api.baseUrl);
      const form = await client.get(`/console/sign-in?company=${b.tenantId}`);
      const answer = await client.post('/console/sign-in/email', { csrf: client.csrfOf(form), company: b.tenantId, email: 'jane.doe@a.example', next: '/console/team' });
      expect(answer.status).toBe(200);
      expect(await emailsTo(inject('sesUrl'), 'jane.doe@a.example')).toEqual([]);
    },
    'GET /console/sign-in/link': async () => neverSeesA((await consoleClient(api.baseUrl).get(`/console/sign-in/link?company=${b.tenantId}&token=roster_signin_x`)).html),
    'POST /console/sign-in/link': async () => {
      const client = consoleClient(api.baseUrl);
      const form = await client.get(`/console/sign-in?company=${b.tenantId}`);
      const refused = await client.post('/console/sign-in/link', { csrf: client.csrfOf(form), company: a.tenantId, token: 'roster_signin_forged' });
      expect(refused.status).toBe(400);
      neverSeesA(refused.html);
    },
    'POST /console/sign-in/admin-token': async () => {
      const team = await (await signedInAsB()).get('/console/team');
      expect(team.html).toContain('Company B');
      neverSeesA(team.html);
    },
    'GET /console/sign-in/oidc': async () => expect((await consoleClient(api.baseUrl).get(`/console/sign-in/oidc?company=${b.tenantId}`)).status).toBe(404),
    'GET /console/sign-in/oidc/callback': async () => {
      const callback = await consoleClient(api.baseUrl).get('/console/sign-in/oidc/callback?code=x&state=y');
      expect(callback.status).toBe(400);
      neverSeesA(callback.html);
    },
    'POST /console/sign-out': async () => {
      const client = await signedInAsB();
      expect((await client.post('/console/sign-out', { csrf: await csrfOf(client) })).status).toBe(303);
    },
    'GET /console/connect-okta': async () => {
      // B's admin connecting Okta gets a consent page for B: the session names the company, never a parameter.
      const params = oauthClient(`${api.baseUrl}/oauth`).authorizeParams();
      const consent = await (await signedInAsB()).get(`/console/connect-okta?${new URLSearchParams({ ...params, company: a.tenantId } as Record<string, string>)}`);
      expect(consent.html).toContain('into Company B');
      neverSeesA(consent.html);
    },
    'GET /console/team': async () => neverSeesA((await (await signedInAsB()).get('/console/team')).html),
    'POST /console/team/{id}/data-capture': async () => {
      const client = await signedInAsB();
      const attempt = await client.post(`/console/team/${ofA.user.id}/data-capture`, { csrf: await csrfOf(client), on: 'false' });
      expect(attempt.status).toBe(404);
    },
    ...consoleAdminCases(signedInAsB),
  };
}

/** B's tech admin on the admin pages: B's data only, and A's ids lead nowhere. */
function consoleAdminCases(signedInAsB: () => Promise<ReturnType<typeof consoleClient>>): Record<string, () => Promise<void>> {
  const csrfOf = async (client: ReturnType<typeof consoleClient>) => client.csrfOf(await client.get('/console/team'));
  return {
    'GET /console/admin/settings': async () => {
      const page = await (await signedInAsB()).get('/console/admin/settings');
      expect(page.html).toContain('b.example');
      neverSeesA(page.html);
    },
    'POST /console/admin/settings': async () => {
      const client = await signedInAsB();
      const page = await client.get('/console/admin/settings');
      // A's seat in B's default assignment: refused as unknown, in B's words only.
      const refused = await client.post('/console/admin/settings', { ...client.formOf(page, '/console/admin/settings'), [`seat.${ofA.seatId}`]: 'on' });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('Unknown seat type');
      neverSeesA(refused.html.replaceAll(ofA.seatId, ''));
      expect((await client.post('/console/admin/settings', client.formOf(page, '/console/admin/settings'))).status).toBe(303);
    },
    'POST /console/admin/settings/verify-domain': async () => {
      // A's domain is not B's to verify, whatever its DNS says.
      const client = await signedInAsB();
      expect((await client.post('/console/admin/settings/verify-domain', { csrf: await csrfOf(client), domain: a.domain })).status).toBe(404);
      expect((await getTenant(b.tenantId))?.domains).not.toContain(a.domain);
    },
    'GET /console/admin/assignments': async () => neverSeesA((await (await signedInAsB()).get('/console/admin/assignments')).html),
    'GET /console/admin/assignments/{id}': async () => {
      const page = await (await signedInAsB()).get(`/console/admin/assignments/${ofA.assignmentId}`);
      expect(page.status).toBe(404);
      neverSeesA(page.html.replaceAll(ofA.assignmentId, ''));
    },
    'POST /console/admin/assignments/{id}': async () => {
      const client = await signedInAsB();
      const form = client.formOf(await client.get('/console/admin/assignments/new'), '/console/admin/assignments/new');
      expect((await client.post(`/console/admin/assignments/${ofA.assignmentId}`, { ...form, name: 'Taken', action: 'save' })).status).toBe(404);
      // A's group and seat, named by id in B's new assignment: unknown to B.
      const preview = await client.post('/console/admin/assignments/new', { ...form, name: 'Borrowed', [`group.${ofA.group.id}`]: 'on', [`seat.${ofA.seatId}`]: 'on', action: 'preview' });
      expect(preview.status).toBe(400);
      neverSeesA(preview.html.replaceAll(ofA.group.id, '').replaceAll(ofA.seatId, ''));
      const search = await client.post('/console/admin/assignments/new', { ...form, groupSearch: 'Engineering A', action: 'search' });
      expect(search.html).toContain('No other group is named');
      neverSeesA(search.html.replaceAll('Engineering A', ''));
    },
    'POST /console/admin/assignments/{id}/move': async () => {
      const client = await signedInAsB();
      expect((await client.post(`/console/admin/assignments/${ofA.assignmentId}/move`, { csrf: await csrfOf(client), direction: 'up' })).status).toBe(404);
    },
    'GET /console/admin/assignments/{id}/delete': async () => expect((await (await signedInAsB()).get(`/console/admin/assignments/${ofA.assignmentId}/delete`)).status).toBe(404),
    'POST /console/admin/assignments/{id}/delete': async () => {
      const client = await signedInAsB();
      expect((await client.post(`/console/admin/assignments/${ofA.assignmentId}/delete`, { csrf: await csrfOf(client) })).status).toBe(404);
    },
    'GET /console/admin/team-members': async () => {
      const client = await signedInAsB();
      for (const query of ['jane.doe@a.example', 'Jane Doe']) {
        const page = await client.get(`/console/admin/team-members?q=${encodeURIComponent(query)}`);
        expect(page.html).toContain('Nobody has the email or full name');
        neverSeesA(page.html.replaceAll(query, ''));
      }
    },
    'GET /console/admin/team-members/{id}': async () => {
      const page = await (await signedInAsB()).get(`/console/admin/team-members/${ofA.user.id}`);
      expect(page.status).toBe(404);
      neverSeesA(page.html.replaceAll(ofA.user.id, ''));
    },
    'POST /console/admin/team-members/{id}/profile': async () => {
      // B's admin cannot set a field of A's member: 404, and A's member is unchanged.
      const client = await signedInAsB();
      const refused = await client.post(`/console/admin/team-members/${ofA.user.id}/profile`, { csrf: await csrfOf(client), field: 'country', value: 'Israel' });
      expect(refused.status).toBe(404);
      for (const ofCompanyA of ['jane.doe@a.example', 'Company A']) expect(refused.html).not.toContain(ofCompanyA);
    },
    'GET /console/admin/team-members/{id}/erase': async () => {
      const page = await (await signedInAsB()).get(`/console/admin/team-members/${ofA.user.id}/erase`);
      expect(page.status).toBe(404);
      neverSeesA(page.html.replaceAll(ofA.user.id, ''));
    },
    'POST /console/admin/team-members/{id}/erase': async () => {
      // B's admin cannot erase A's member: 404, and A's member is still there.
      const client = await signedInAsB();
      expect((await client.post(`/console/admin/team-members/${ofA.user.id}/erase`, { csrf: await csrfOf(client) })).status).toBe(404);
    },
    'GET /console/admin/seats': async () => neverSeesA((await (await signedInAsB()).get('/console/admin/seats')).html),
    'GET /console/admin/import-errors': async () => neverSeesA((await (await signedInAsB()).get('/console/admin/import-errors')).html),
    'GET /console/admin/connections': async () => neverSeesA((await (await signedInAsB()).get('/console/admin/connections')).html),
    'POST /console/admin/connections': async () => {
      const client = await signedInAsB();
      expect((await client.post('/console/admin/connections', { csrf: await csrfOf(client), name: 'B second instance', source: 'okta' })).status).toBe(303);
      neverSeesA((await client.get('/console/admin/connections')).html);
    },
    'GET /console/admin/connections/{id}/delete': async () => expect((await (await signedInAsB()).get(`/console/admin/connections/${ofA.connectionId}/delete`)).status).toBe(404),
    'POST /console/admin/connections/{id}/delete': async () => {
      const client = await signedInAsB();
      expect((await client.post(`/console/admin/connections/${ofA.connectionId}/delete`, { csrf: await csrfOf(client) })).status).toBe(404);
    },
    'POST /console/admin/connections/{id}/tokens': async () => {
      const client = await signedInAsB();
      const refused = await client.post(`/console/admin/connections/${ofA.connectionId}/tokens`, { csrf: await csrfOf(client) });
      expect(refused.status).toBe(404);
      expect(refused.html).not.toContain('roster_scim_');
    },
    'GET /console/admin/admin-tokens': async () => {
      const page = await (await signedInAsB()).get('/console/admin/admin-tokens');
      expect(page.html).toContain(hashToken(b.adminToken).slice(0, 12));
      neverSeesA(page.html);
    },
    'POST /console/admin/admin-tokens': async () => {
      const client = await signedInAsB();
      const issued = await client.post('/console/admin/admin-tokens', { csrf: await csrfOf(client), days: '1' });
      expect(issued.status).toBe(201);
      const token = /id="new-token" class="secret" value="([^"]+)"/.exec(issued.html)![1]!;
      expect((await adminOf(token).get('/settings')).body.name).toBe('Company B');
    },
    'POST /console/admin/admin-tokens/{id}/rotate': async () => {
      const client = await signedInAsB();
      const refused = await client.post(`/console/admin/admin-tokens/${adminTokenIdOfA()}/rotate`, { csrf: await csrfOf(client) });
      expect(refused.status).toBe(404);
      expect(refused.html).not.toContain('roster_admin_');
      expect((await adminOf(a.adminToken).get('/settings')).status).toBe(200);
    },
    'GET /console/admin/admin-tokens/{id}/revoke': async () => {
      const page = await (await signedInAsB()).get(`/console/admin/admin-tokens/${adminTokenIdOfA()}/revoke`);
      expect(page.status).toBe(404);
      neverSeesA(page.html.replaceAll(adminTokenIdOfA(), ''));
    },
    'POST /console/admin/admin-tokens/{id}/revoke': async () => {
      const client = await signedInAsB();
      expect((await client.post(`/console/admin/admin-tokens/${adminTokenIdOfA()}/revoke`, { csrf: await csrfOf(client) })).status).toBe(404);
      expect((await adminOf(a.adminToken).get('/settings')).status).toBe(200);
    },
  };
}

describe('tenant isolation: company B against company A', () => {
  it('has a case for every route of the route table', () => {
    expect(Object.keys(cases).sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  for (const route of routes) {
    const routeKey = `${route.method} ${route.path}`;
    it(`${routeKey} finds nothing of A`, async () => {
      await cases[routeKey]!();
    });
  }

  it('changed nothing of A, and A keeps working', async () => {
    expect(await snapshotOfA()).toBe(ofA.snapshot);
    expect((await scimOf(a.scimToken).get('/Users?count=1')).status).toBe(200);
    expect((await scimOf(ofA.oauthTokens.access_token).get('/Users?count=1')).status).toBe(200);
  });
});
