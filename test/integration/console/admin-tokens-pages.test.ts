import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../../shared/auth/console/sessions.js';
import { hashToken } from '../../../shared/auth/tokens.js';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { adminClient } from '../../support/admin-client.js';
import { consoleClient, signedInWithAdminToken } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const PAGE = '/console/admin/admin-tokens';
const DAY = 86_400_000;

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let other: TestTenant;

const idOf = (token: string) => hashToken(token).slice(0, 12);
const adminApi = (token: string) => adminClient(`${api.baseUrl}/admin/v1`, token);
const tokenOn = (html: string) => /id="new-token" class="secret" value="([^"]+)"/.exec(html)?.[1];
/** The table row of one token, from its id cell to the end of the row. */
const rowOf = (html: string, id: string) => new RegExp(`<tr><th scope="row"><code>${id}</code></th>.*?</tr>`).exec(html)?.[0] ?? '';

beforeAll(async () => {
  api = await startTestApi();
  [tenant, other] = await Promise.all([createTestTenant('token-pages.example', 'Token Pages Co'), createTestTenant('other-token-pages.example', 'Other Pages Co')]);
});
afterAll(async () => api?.stop());

const asAdmin = () => signedInWithAdminToken(api.baseUrl, tenant, PAGE);

async function issued(client: ReturnType<typeof consoleClient>, days = '') {
  const page = await client.get(PAGE);
  const answer = await client.post(PAGE, { ...client.formOf(page, PAGE), days });
  expect(answer.status, answer.html.slice(0, 300)).toBe(201);
  return tokenOn(answer.html)!;
}

describe('the admin tokens page', () => {
  it('lists the company\'s admin tokens by id with state, expiry and last use, never a token, in the admin navigation', async () => {
    const client = await asAdmin();
    const page = await client.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/href="\/console\/admin\/admin-tokens" aria-current="page">Admin tokens</);
    // The helper's token: issued before lifetimes, so it never expires; signing in with it was a use.
    const row = rowOf(page.html, idOf(tenant.adminToken));
    expect(row).toContain('<td>Active</td>');
    expect(row).toMatch(/<td>\d{4}-\d{2}-\d{2}<\/td><td>Never<\/td><td>\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/td>/); // created, expires, last used
    expect(row).toContain(`aria-label="Rotate admin token ${idOf(tenant.adminToken)}"`);
    expect(row).toContain(`href="${PAGE}/${idOf(tenant.adminToken)}/revoke"`);
    expect(page.html).not.toContain(idOf(other.adminToken));
    expect(page.html).not.toContain('roster_admin_');
    expect(page.html).not.toContain(hashToken(tenant.adminToken));
  });

  it('reads the session, the company, the token signed in with and the list: one Query of the tenant index and one BatchGet', async () => {
    const client = await asAdmin();
    await client.get(PAGE);
    const { result, operations } = await countDynamoRequests(() => client.get(PAGE));
    expect(result.status).toBe(200);
    // The session, the company and the admin token signed in with (Get ×3), then the list.
    expect(operations.map((operation) => operation.replace(/(Item)?Command$/, '')).sort()).toEqual(['BatchGet', 'Get', 'Get', 'Get', 'Query']);
  });

  it('issues a token shown once, living the days asked for', async () => {
    const client = await asAdmin();
    const list = await client.get(PAGE);
    const answer = await client.post(PAGE, { ...client.formOf(list, PAGE), days: '30' });
    expect(answer.status).toBe(201);
    const token = tokenOn(answer.html)!;
    expect(token).toMatch(/^roster_admin_/);
    expect(answer.html).toContain(`New admin token ${idOf(token)}`);
    expect((await adminApi(token).get('/settings')).status).toBe(200);
    const listed = (await adminApi(tenant.adminToken).get('/admin-tokens')).body.adminTokens.find((candidate: { id: string }) => candidate.id === idOf(token));
    expect(Math.round((Date.parse(listed.expiresAt) - Date.now()) / DAY)).toBe(30);
    const after = await client.get(PAGE);
    expect(rowOf(after.html, idOf(token))).toContain(`<td>${listed.expiresAt.slice(0, 10)}</td>`);
    expect(after.html).not.toContain(token);
  });

  it('refuses a lifetime out of range (400, in words, what was typed kept) and issues nothing', async () => {
    const client = await asAdmin();
    const before = (await adminApi(tenant.adminToken).get('/admin-tokens')).body.adminTokens.length;
    for (const [days, words] of [['0', 'days must be at least 1'], ['400', 'days must be at most 365'], ['2.5', 'days must be a whole number'], ['soon', 'days must be a number']]) {
      const refused = await client.post(PAGE, { ...client.formOf(await client.get(PAGE), PAGE), days: days! });
      expect(refused.status, days).toBe(400);
      expect(refused.html).toContain('No admin token was issued:');
      expect(refused.html).toContain(words);
      expect(refused.html).toContain(`value="${days}"`);
      expect(refused.html).not.toContain('roster_admin_');
    }
    expect((await adminApi(tenant.adminToken).get('/admin-tokens')).body.adminTokens).toHaveLength(before);
  });

  it('rotates a token: the new one shown once, the old one refused and listed as revoked, without buttons', async () => {
    const client = await asAdmin();
    const old = await issued(client, '10');
    const list = await client.get(PAGE);
    const action = `${PAGE}/${idOf(old)}/rotate`;
    const rotated = await client.post(action, client.formOf(list, action));
    expect(rotated.status).toBe(201);
    const token = tokenOn(rotated.html)!;
    expect(rotated.html).toContain(`It replaces ${idOf(old)}, which is revoked.`);
    expect((await adminApi(old).get('/settings')).status).toBe(401);
    expect((await adminApi(token).get('/settings')).status).toBe(200);
    const row = rowOf((await client.get(PAGE)).html, idOf(old));
    expect(row).toMatch(/<td>Revoked \d{4}-\d{2}-\d{2}<\/td>/);
    expect(row).not.toContain('Rotate');
    expect(row).not.toContain('Revoke</a>');
    // Again: 409, nothing issued.
    const again = await client.post(action, client.formOf(list, action));
    expect(again.status).toBe(409);
    expect(tokenOn(again.html)).toBeUndefined();
  });

  it('revokes a token after a confirm page that says what happens; the next call with it is refused', async () => {
    const client = await asAdmin();
    const doomed = await issued(client);
    await adminApi(doomed).get('/seats');
    const confirm = await client.get(`${PAGE}/${idOf(doomed)}/revoke`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain(`Revoke admin token ${idOf(doomed)}?`);
    expect(confirm.html).toContain('is refused from then on');
    expect(confirm.html).toMatch(/It was last used on \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\)/);
    const action = `${PAGE}/${idOf(doomed)}/revoke`;
    const form = client.formOf(confirm, action);
    expect(form.csrf).toBe(client.csrfOf(confirm));
    const revoked = await client.post(action, form);
    expect(revoked.status).toBe(303);
    expect(revoked.location).toBe(`${PAGE}?revoked=${idOf(doomed)}`);
    expect((await client.get(revoked.location!)).html).toContain(`Revoked admin token ${idOf(doomed)}.`);
    expect((await adminApi(doomed).get('/settings')).status).toBe(401);
    expect((await adminApi(tenant.adminToken).get('/settings')).status).toBe(200);
  });

  it('ends the console sessions signed in with a token once it is revoked or rotated, and no other session', async () => {
    const client = await asAdmin();
    const [revokedLater, rotatedLater] = [await issued(client), await issued(client)];
    const sessions = await Promise.all([revokedLater, rotatedLater].map((adminToken) => signedInWithAdminToken(api.baseUrl, { ...tenant, adminToken }, PAGE)));
    for (const session of sessions) expect((await session.get(PAGE)).status).toBe(200);
    expect((await adminApi(tenant.adminToken).delete(`/admin-tokens/${idOf(revokedLater)}`)).status).toBe(204);
    expect((await adminApi(tenant.adminToken).post(`/admin-tokens/${idOf(rotatedLater)}/rotate`, {})).status).toBe(201);
    for (const session of sessions) {
      const page = await session.get(PAGE);
      expect(page.status).toBe(303);
      expect(page.location).toMatch(/^\/console\/sign-in\?/);
    }
    expect((await client.get(PAGE)).status).toBe(200);
  });

  it("answers 404 for an unknown id or another company's token, and changes nothing of it", async () => {
    const client = await asAdmin();
    const csrf = client.csrfOf(await client.get(PAGE));
    for (const id of ['abcdef123456', '<script>', idOf(other.adminToken)]) {
      const path = `${PAGE}/${encodeURIComponent(id)}`;
      expect((await client.get(`${path}/revoke`)).status, id).toBe(404);
      expect((await client.post(`${path}/revoke`, { csrf })).status, id).toBe(404);
      const rotate = await client.post(`${path}/rotate`, { csrf });
      expect(rotate.status, id).toBe(404);
      expect(rotate.html).not.toContain('<script>');
    }
    expect((await adminApi(other.adminToken).get('/settings')).status).toBe(200);
    // The notice names only an id: anything else in the query is not shown.
    expect((await client.get(`${PAGE}?revoked=${encodeURIComponent('<b>all</b>')}`)).html).not.toContain('Revoked admin token');
  });

  it('refuses a forged CSRF token: nothing issued, rotated or revoked', async () => {
    const client = await asAdmin();
    const token = await issued(client);
    const before = (await adminApi(tenant.adminToken).get('/admin-tokens')).body.adminTokens.length;
    for (const action of [PAGE, `${PAGE}/${idOf(token)}/rotate`, `${PAGE}/${idOf(token)}/revoke`]) {
      expect((await client.post(action, { csrf: 'forged', days: '5' })).status, action).toBe(403);
    }
    expect((await adminApi(token).get('/settings')).status).toBe(200);
    expect((await adminApi(tenant.adminToken).get('/admin-tokens')).body.adminTokens).toHaveLength(before);
  });

  it('is for admins only (403)', async () => {
    const member = await scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken).post('/Users', oktaUser(`not.admin@${tenant.domain}`));
    expect(member.status).toBe(201);
    const client = consoleClient(api.baseUrl);
    client.jar.set('__Host-roster-session', (await startSession(tenant.tenantId, { kind: 'member', memberId: member.body.id }, 'emailLink')).sessionId);
    const csrf = client.csrfOf(await client.get('/console/team'));
    const id = idOf(tenant.adminToken);
    expect((await client.get(PAGE)).status).toBe(403);
    expect((await client.get(`${PAGE}/${id}/revoke`)).status).toBe(403);
    for (const action of [PAGE, `${PAGE}/${id}/rotate`, `${PAGE}/${id}/revoke`]) expect((await client.post(action, { csrf })).status, action).toBe(403);
    expect((await adminApi(tenant.adminToken).get('/settings')).status).toBe(200);
  });
});
