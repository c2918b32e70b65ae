import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../../shared/auth/issue-token.js';
import { hashToken } from '../../../shared/auth/tokens.js';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { putToken } from '../../../shared/store/tokens.js';
import { adminClient } from '../../support/admin-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let other: TestTenant;

/** The admin client, whose POST sends no body at all when given none (as curl -X POST does). */
const admin = (token = tenant.adminToken) => {
  const client = adminClient(`${api.baseUrl}/admin/v1`, token);
  const bare = scimClient(`${api.baseUrl}/admin/v1`, token);
  return { ...client, post: (path: string, body: unknown) => (body === undefined ? bare.call('POST', path, undefined, { accept: 'application/json' }) : client.post(path, body)) };
};
const idOf = (token: string) => hashToken(token).slice(0, 12);
const DAY = 86_400_000;
/** GetCommand → Get, BatchGetCommand → BatchGet (the document client names its commands). */
const kinds = (operations: string[]) => operations.map((operation) => operation.replace(/(Item)?Command$/, '')).sort();

beforeAll(async () => {
  api = await startTestApi();
  [tenant, other] = await Promise.all([createTestTenant('admin-tokens.example', 'Tokens Co'), createTestTenant('other-admin-tokens.example', 'Other Co')]);
});
afterAll(async () => api?.stop());

describe('admin tokens through the admin API', () => {
  it('issues a token shown once (201, no-store) that lives ADMIN_TOKEN_DAYS, or fewer days when asked', async () => {
    const issued = await admin().post('/admin-tokens', undefined);
    expect(issued.status, issued.text).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.body).toEqual({
      token: expect.stringMatching(/^roster_admin_/),
      id: idOf(issued.body.token),
      state: 'active',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Math.round((Date.parse(issued.body.expiresAt) - Date.now()) / DAY)).toBe(365);
    const settings = await admin(issued.body.token).get('/settings');
    expect(settings.status).toBe(200);
    expect(settings.body.name).toBe('Tokens Co');

    const short = await admin().post('/admin-tokens', { days: 7 });
    expect(short.status).toBe(201);
    expect(Math.round((Date.parse(short.body.expiresAt) - Date.now()) / DAY)).toBe(7);
  });

  it('refuses a lifetime that is not a whole number of days from 1 to ADMIN_TOKEN_DAYS, and any other field (400, nothing issued)', async () => {
    const before = (await admin().get('/admin-tokens')).body.adminTokens.length;
    for (const body of [{ days: 0 }, { days: 366 }, { days: 1.5 }, { days: '30' }, { days: null }, { lifetime: 30 }, [], 'x', 5]) {
      const refused = await admin().post('/admin-tokens', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
      expect(refused.text).not.toContain('roster_admin_');
    }
    expect((await admin().get('/admin-tokens')).body.adminTokens).toHaveLength(before);
  });

  it('lists the company\'s admin tokens by id with their state and last use, never a token or a whole hash', async () => {
    const issued = await admin().post('/admin-tokens', { days: 30 });
    await admin(issued.body.token).get('/seats'); // a use, recorded
    const listed = await admin().get('/admin-tokens');
    expect(listed.status).toBe(200);
    const mine = listed.body.adminTokens.find((token: { id: string }) => token.id === issued.body.id);
    expect(mine).toEqual({ id: issued.body.id, state: 'active', createdAt: issued.body.createdAt, expiresAt: issued.body.expiresAt, lastUsedAt: expect.any(String), revokedAt: null });
    expect(Date.now() - Date.parse(mine.lastUsedAt)).toBeLessThan(60_000);
    // The helper's token (issued before lifetimes) is there too, without an expiry; the other company's is not.
    expect(listed.body.adminTokens.find((token: { id: string }) => token.id === idOf(tenant.adminToken))).toMatchObject({ state: 'active', expiresAt: null });
    expect(listed.body.adminTokens.map((token: { id: string }) => token.id)).not.toContain(idOf(other.adminToken));
    expect(listed.text).not.toContain('roster_admin_');
    expect(listed.text).not.toContain(hashToken(issued.body.token));
    expect(listed.text).not.toContain(hashToken(tenant.adminToken));
    // Oldest first.
    const created = listed.body.adminTokens.map((token: { createdAt: string }) => token.createdAt);
    expect(created).toEqual([...created].sort());
  });

  it('lists with one Query of the tenant index and one BatchGet, however many SCIM tokens the company has', async () => {
    // 150 SCIM tokens: read along with the admin tokens, they would take a second page of each.
    await Promise.all(Array.from({ length: 150 }, () => issueToken(tenant.tenantId, tenant.connectionId, 'scim')));
    await admin().get('/admin-tokens'); // its last use recorded already, so the counted call writes nothing
    const { result, operations } = await countDynamoRequests(() => admin().get('/admin-tokens'));
    expect(result.status).toBe(200);
    // Authentication: the token and its company; then the list.
    expect(kinds(operations)).toEqual(['BatchGet', 'Get', 'Get', 'Query']);
    expect(result.body.adminTokens.length).toBeGreaterThanOrEqual(4);
  });

  it('rotates a token: a new one (201, shown once), the old one refused on its next call', async () => {
    const old = await admin().post('/admin-tokens', { days: 30 });
    const rotated = await admin().post(`/admin-tokens/${old.body.id}/rotate`, undefined);
    expect(rotated.status, rotated.text).toBe(201);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body).toMatchObject({ token: expect.stringMatching(/^roster_admin_/), state: 'active', replaces: old.body.id });
    expect(rotated.body.id).toBe(idOf(rotated.body.token));
    expect(Math.round((Date.parse(rotated.body.expiresAt) - Date.now()) / DAY)).toBe(365);

    expect((await admin(old.body.token).get('/settings')).status).toBe(401);
    expect((await admin(rotated.body.token).get('/settings')).status).toBe(200);
    const listed = (await admin().get('/admin-tokens')).body.adminTokens;
    expect(listed.find((token: { id: string }) => token.id === old.body.id)).toMatchObject({ state: 'revoked', revokedAt: rotated.body.createdAt });

    // Only an active token rotates: nothing is issued for a revoked one.
    const again = await admin().post(`/admin-tokens/${old.body.id}/rotate`, undefined);
    expect(again.status).toBe(409);
    expect(again.text).not.toContain('roster_admin_');
    expect((await admin().get('/admin-tokens')).body.adminTokens).toHaveLength(listed.length);

    // A token may rotate itself, with a lifetime of its own.
    const itself = await admin(rotated.body.token).post(`/admin-tokens/${rotated.body.id}/rotate`, { days: 2 });
    expect(itself.status).toBe(201);
    expect(Math.round((Date.parse(itself.body.expiresAt) - Date.now()) / DAY)).toBe(2);
    expect((await admin(rotated.body.token).get('/settings')).status).toBe(401);
  });

  it('two concurrent rotations of one token issue one new token; the other answers 409', async () => {
    const old = await admin().post('/admin-tokens', { days: 30 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => admin().post(`/admin-tokens/${old.body.id}/rotate`, undefined)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const listed = (await admin().get('/admin-tokens')).body.adminTokens;
    expect(listed.filter((token: { id: string }) => answers.some((answer) => answer.body.id === token.id))).toHaveLength(1);
  });

  it('revokes a token (204, again 204): its next call is refused, the others keep working', async () => {
    const doomed = await admin().post('/admin-tokens', { days: 30 });
    expect((await admin(doomed.body.token).get('/settings')).status).toBe(200);
    const revoked = await admin().delete(`/admin-tokens/${doomed.body.id}`);
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    expect((await admin(doomed.body.token).get('/settings')).status).toBe(401);
    expect((await admin().delete(`/admin-tokens/${doomed.body.id}`)).status).toBe(204);
    expect((await admin().get('/settings')).status).toBe(200);
    const listed = (await admin().get('/admin-tokens')).body.adminTokens;
    expect(listed.find((token: { id: string }) => token.id === doomed.body.id)).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
  });

  it('refuses an expired token (401) and lists it as expired', async () => {
    const expired = 'roster_admin_expired-for-the-api-test';
    await putToken({ tokenHash: hashToken(expired), tenantId: tenant.tenantId, connectionId: 'admin', scope: 'admin', createdAt: new Date(Date.now() - 2 * DAY).toISOString(), expiresAt: Math.floor(Date.now() / 1000) - 60 });
    expect((await admin(expired).get('/admin-tokens')).status).toBe(401);
    const listed = (await admin().get('/admin-tokens')).body.adminTokens;
    expect(listed.find((token: { id: string }) => token.id === idOf(expired))).toMatchObject({ state: 'expired', lastUsedAt: null });
    expect((await admin().post(`/admin-tokens/${idOf(expired)}/rotate`, undefined)).status).toBe(409);
  });

  it("answers 404 for an unknown id, a malformed one and another company's token, and changes nothing of it", async () => {
    for (const id of ['abcdef123456', 'not-an-id', 'ABCDEF', idOf(other.adminToken)]) {
      const revoke = await admin().delete(`/admin-tokens/${encodeURIComponent(id)}`);
      expect(revoke.status, id).toBe(404);
      expect(revoke.body.error).toMatchObject({ code: 'not_found', message: expect.any(String) });
      const rotate = await admin().post(`/admin-tokens/${encodeURIComponent(id)}/rotate`, undefined);
      expect(rotate.status, id).toBe(404);
      expect(rotate.text).not.toContain('roster_admin_');
    }
    expect((await admin(other.adminToken).get('/settings')).status).toBe(200);
    expect((await admin(other.adminToken).get('/admin-tokens')).body.adminTokens).toEqual([expect.objectContaining({ id: idOf(other.adminToken), state: 'active', revokedAt: null })]);
  });

  it('is for admin tokens only: a SCIM token gets 403, no token 401', async () => {
    expect((await admin(tenant.scimToken).get('/admin-tokens')).status).toBe(403);
    expect((await admin(tenant.scimToken).post('/admin-tokens', undefined)).status).toBe(403);
    expect((await fetch(`${api.baseUrl}/admin/v1/admin-tokens`, { method: 'POST' })).status).toBe(401);
  });
});
