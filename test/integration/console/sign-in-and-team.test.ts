import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { hashToken } from '../../../shared/auth/tokens.js';
import { SIGN_IN_LINK_LIMITS } from '../../../shared/console/sign-in/email-link.js';
import { getSession, putSignInLink, putSession } from '../../../shared/store/console-sessions.js';
import { listMemberHistory } from '../../../shared/store/member-history.js';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { consoleClient, signInLinkOf } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { emailsTo } from '../../support/ses-inbox.js';
import { startTestStreamPoller } from '../../support/stream.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';
const SESSION_COOKIE = '__Host-roster-session';

let api: Awaited<ReturnType<typeof startTestApi>>;
let poller: ReturnType<typeof startTestStreamPoller>;
let sequence = 0;

interface Company {
  tenant: TestTenant;
  scim: ScimClient;
  admin: AdminClient;
  person(name: string, extra?: Record<string, unknown>): Promise<{ id: string; email: string }>;
}

async function company(name: string): Promise<Company> {
  const domain = `c${Date.now().toString(36)}${(sequence += 1)}.example.com`;
  const tenant = await createTestTenant(domain, name);
  const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  const settings = (await admin.get('/settings')).body;
  await admin.put('/settings', { ...settings, managersCanToggleDataCapture: true });
  return {
    tenant,
    scim,
    admin,
    async person(local, extra = {}) {
      const email = `${local}@${domain}`;
      const response = await scim.post('/Users', oktaUser(email, extra));
      expect(response.status).toBe(201);
      return { id: response.body.id, email };
    },
  };
}

/** Signs in with an emailed link, as a person does: ask, open the mail, confirm. */
async function signInByEmail(client: ReturnType<typeof consoleClient>, tenantId: string, email: string) {
  const form = await client.get(`/console/sign-in?company=${tenantId}`);
  const asked = await client.post('/console/sign-in/email', { csrf: client.csrfOf(form), company: tenantId, email, next: '/console/team' });
  expect(asked.status, asked.html.slice(-900)).toBe(200);
  const [mail] = (await emailsTo(inject('sesUrl'), email)).slice(-1);
  const link = signInLinkOf(mail!.body.text!);
  const confirm = await client.get(link.path);
  const done = await client.post('/console/sign-in/link', { csrf: client.csrfOf(confirm), company: link.company, token: link.token });
  return { done, link };
}

/** One signed-in manager for the tests that are not about signing in (links are rate-limited per address). */
let managerClient: ReturnType<typeof consoleClient> | undefined;
async function asManager() {
  if (!managerClient) {
    managerClient = consoleClient(api.baseUrl);
    const { done } = await signInByEmail(managerClient, acme.tenant.tenantId, people.manager.email);
    expect(done.location).toBe('/console/team');
  }
  return managerClient;
}

/** A new active member with no reports, signed in by an emailed link. */
async function signedInNewcomer() {
  const person = await acme.person(`newcomer.n${(sequence += 1)}`);
  const client = consoleClient(api.baseUrl);
  const signIn = await signInByEmail(client, acme.tenant.tenantId, person.email);
  return { person, client, ...signIn };
}

let acme: Company;
let other: Company;
let people: Record<'manager' | 'manual' | 'automatic' | 'unseated' | 'defaulted' | 'inactive' | 'loner', { id: string; email: string }>;

beforeAll(async () => {
  api = await startTestApi();
  poller = startTestStreamPoller();
  acme = await company('Acme & Sons');
  other = await company('Other Inc');
  const seat = (await acme.admin.post('/seats', { name: 'Recorder', total: 10, capabilities: ['dataCapture'] })).body;
  const manualGroup = (await acme.scim.post('/Groups', { schemas: [GROUP], displayName: 'Coached' })).body.id;
  const autoGroup = (await acme.scim.post('/Groups', { schemas: [GROUP], displayName: 'Sales' })).body.id;
  const unseatedGroup = (await acme.scim.post('/Groups', { schemas: [GROUP], displayName: 'Support' })).body.id;
  await acme.admin.post('/assignments', { name: 'Coaching', groupIds: [manualGroup], seatTypeIds: [seat.id], updateMode: 'manual', priority: 1, dataCapture: { webConferences: 'record', calendarMeetings: true } });
  await acme.admin.post('/assignments', { name: 'Sales team', groupIds: [autoGroup], seatTypeIds: [seat.id], updateMode: 'automatic', priority: 2, dataCapture: { telephonyCalls: true } });
  await acme.admin.post('/assignments', { name: 'Support team', groupIds: [unseatedGroup], seatTypeIds: [], updateMode: 'manual', priority: 3, dataCapture: { calendarMeetings: true } });
  const manager = await acme.person('maria.manager', { title: 'Head of Sales' });
  const reportsTo = { [ROSTER]: { managerEmail: manager.email } };
  people = {
    manager,
    manual: await acme.person('jane.coached', { ...reportsTo, title: 'Account <Executive>' }),
    automatic: await acme.person('sam.seller', reportsTo),
    unseated: await acme.person('ada.support', reportsTo),
    defaulted: await acme.person('omar.new', reportsTo),
    inactive: await acme.person('ivy.gone', reportsTo),
    loner: await acme.person('lee.loner'),
  };
  for (const [groupId, member] of [[manualGroup, people.manual], [autoGroup, people.automatic], [unseatedGroup, people.unseated]] as const) {
    await acme.scim.patch(`/Groups/${groupId}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: member.id }] }] });
  }
  await acme.scim.patch(`/Users/${people.inactive.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
  await poller.drain();
});
afterAll(async () => {
  await poller?.stop();
  await api?.stop();
});

describe('My team', () => {
  it('shows a manager exactly their active direct reports, with a switch where the rule allows it and the reason where not', async () => {
    const client = await asManager();
    const team = await client.get('/console/team');
    expect(team.status).toBe(200);
    const names = [...team.html.matchAll(/<h2 id="member-[^"]+">([^<]+)<\/h2>/g)].map((match) => match[1]);
    expect(names.sort()).toEqual(['Ada Support', 'Jane Coached', 'Omar New', 'Sam Seller']);
    expect(team.html).toContain('Account &lt;Executive>');
    expect(team.html).toContain('Set by the Sales team assignment, managed by your admins.');
    expect(team.html).toContain('They hold no seat that includes data capture.');
    expect(team.html).toContain('Set by the Default assignment, managed by your admins.');
    expect(team.html.match(/Turn data capture (on|off)/g)).toEqual(['Turn data capture off']);
  });

  it('turns data capture off and on again, and records who did it, when, from what to what', async () => {
    const client = await asManager();
    const team = await client.get('/console/team');
    const off = await client.post(`/console/team/${people.manual.id}/data-capture`, { csrf: client.csrfOf(team), on: 'false' });
    expect(off.status).toBe(303);
    const after = await client.get(off.location!);
    expect(after.html).toContain('Data capture for Jane Coached is now off.');
    expect((await acme.admin.get(`/team-members/${people.manual.id}`)).body.effectiveSettings.dataCaptureActive).toBe(false);
    const on = await client.post(`/console/team/${people.manual.id}/data-capture`, { csrf: client.csrfOf(after), on: 'true' });
    expect((await client.get(on.location!)).html).toContain('Data capture for Jane Coached is now on.');
    const effective = (await acme.admin.get(`/team-members/${people.manual.id}`)).body.effectiveSettings;
    expect(effective).toMatchObject({ dataCaptureActive: true, dataCapture: { webConferences: 'record', calendarMeetings: true, telephonyCalls: false } });

    await poller.drain();
    const history = (await listMemberHistory(acme.tenant.tenantId, people.manual.id)).items.filter((entry) => entry.event === 'dataCaptureChanged');
    expect(history.map((entry) => entry.actor)).toEqual([`manager:${people.manager.id}`, `manager:${people.manager.id}`]);
    expect(history[1]!.changes[0]).toMatchObject({ field: 'dataCapture', from: { webConferences: 'record' }, to: { webConferences: 'doNotRecord', calendarMeetings: false } });
    expect(Date.parse(history[0]!.at)).toBeGreaterThanOrEqual(Date.parse(history[1]!.at));
  });

  it('refuses a switch the rule does not allow, saying why, and changes nothing', async () => {
    const client = await asManager();
    const csrf = client.csrfOf(await client.get('/console/team'));
    const before = (await acme.admin.get(`/team-members/${people.automatic.id}`)).body.effectiveSettings;
    const refused = await client.post(`/console/team/${people.automatic.id}/data-capture`, { csrf, on: 'false' });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Set by the Sales team assignment, managed by your admins.');
    expect((await acme.admin.get(`/team-members/${people.automatic.id}`)).body.effectiveSettings).toEqual(before);
  });

  it('shows a person with no reports an empty team, and an admin-token session no team', async () => {
    const { client: loner } = await signedInNewcomer();
    expect((await loner.get('/console/team')).html).toContain('No active team member reports to you in Roster.');

    const admin = consoleClient(api.baseUrl);
    const form = await admin.get(`/console/sign-in?company=${acme.tenant.tenantId}`);
    const signedIn = await admin.post('/console/sign-in/admin-token', { csrf: admin.csrfOf(form), admin_token: acme.tenant.adminToken, next: '/console/team' });
    expect(signedIn.status).toBe(303);
    const page = await admin.get('/console/team');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Admin token · Acme &amp; Sons');
    expect(page.html).toContain('signed in with Acme &amp; Sons’s admin token');

    const wrong = await consoleClient(api.baseUrl).post('/console/sign-in/admin-token', { csrf: 'x', admin_token: 'roster_admin_nope' });
    expect(wrong.status).toBe(403);
  });
});

describe('emailed sign-in links', () => {
  it('answers the same whether or not the address belongs to an active member, and mails only a member', async () => {
    const client = consoleClient(api.baseUrl);
    const form = await client.get(`/console/sign-in?company=${acme.tenant.tenantId}`);
    const ask = (email: string) => client.post('/console/sign-in/email', { csrf: client.csrfOf(form), company: acme.tenant.tenantId, email, next: '/console/team' });
    const stranger = `nobody@${acme.tenant.domain}`;
    const [known, unknown, inactive] = [await ask(people.loner.email), await ask(stranger), await ask(people.inactive.email)];
    const strip = (html: string, email: string) => html.replace(email, 'EMAIL');
    expect(strip(unknown.html, stranger)).toBe(strip(known.html, people.loner.email));
    expect(strip(inactive.html, people.inactive.email)).toBe(strip(known.html, people.loner.email));
    expect(await emailsTo(inject('sesUrl'), stranger)).toEqual([]);
    expect(await emailsTo(inject('sesUrl'), people.inactive.email)).toEqual([]);
    const [mail] = (await emailsTo(inject('sesUrl'), people.loner.email)).slice(-1);
    expect(mail!.subject).toBe('Your sign-in link for Acme & Sons on Roster');
    expect(mail!.body.text).toMatch(/^Hi Lee,\n/);
  });

  it('refuses a link used twice, an expired link and a link for another company', async () => {
    const { done, link, person } = await signedInNewcomer();
    expect(done.status).toBe(303);
    const again = consoleClient(api.baseUrl);
    const confirm = await again.get(link.path);
    const reused = await again.post('/console/sign-in/link', { csrf: again.csrfOf(confirm), company: link.company, token: link.token });
    expect(reused.status).toBe(400);
    expect(reused.html).toContain('already used or has expired');
    expect(reused.setCookies.some((cookie) => cookie.startsWith(SESSION_COOKIE))).toBe(false);

    const expiredToken = 'roster_signin_expired-for-the-test';
    await putSignInLink({ linkHash: hashToken(expiredToken), tenantId: acme.tenant.tenantId, memberId: person.id, next: '/console/team', createdAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) - 1 });
    const expired = await again.post('/console/sign-in/link', { csrf: again.csrfOf(confirm), company: acme.tenant.tenantId, token: expiredToken });
    expect(expired.status).toBe(400);

    const fresh = consoleClient(api.baseUrl);
    const form = await fresh.get(`/console/sign-in?company=${acme.tenant.tenantId}`);
    await fresh.post('/console/sign-in/email', { csrf: fresh.csrfOf(form), company: acme.tenant.tenantId, email: person.email, next: '/console/team' });
    const forAcme = signInLinkOf((await emailsTo(inject('sesUrl'), person.email)).slice(-1)[0]!.body.text!);
    const elsewhere = await fresh.post('/console/sign-in/link', { csrf: fresh.csrfOf(form), company: other.tenant.tenantId, token: forAcme.token });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.html).toContain('for another company');
  });

  it(`sends at most ${SIGN_IN_LINK_LIMITS.perAddressPerHour} links an hour to one address`, async () => {
    const person = await acme.person('rate.limited');
    const client = consoleClient(api.baseUrl);
    const form = await client.get(`/console/sign-in?company=${acme.tenant.tenantId}`);
    for (let attempt = 0; attempt < SIGN_IN_LINK_LIMITS.perAddressPerHour + 2; attempt += 1) {
      const answer = await client.post('/console/sign-in/email', { csrf: client.csrfOf(form), company: acme.tenant.tenantId, email: person.email, next: '/console/team' });
      expect(answer.status).toBe(200);
    }
    expect(await emailsTo(inject('sesUrl'), person.email)).toHaveLength(SIGN_IN_LINK_LIMITS.perAddressPerHour);
  });
});

describe('sessions and forms', () => {
  it('refuses a forged CSRF token, a cross-origin post and a post without an Origin', async () => {
    const client = await asManager();
    const csrf = client.csrfOf(await client.get('/console/team'));
    const target = `/console/team/${people.manual.id}/data-capture`;
    expect((await client.post(target, { csrf: `${csrf}x`, on: 'false' })).status).toBe(403);
    expect((await client.post(target, { csrf, on: 'false' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.post(target, { csrf, on: 'false' }, { origin: '' })).status).toBe(403);
    expect((await acme.admin.get(`/team-members/${people.manual.id}`)).body.effectiveSettings.dataCaptureActive).toBe(true);
  });

  it('never adopts a session id planted before sign-in, and replaces the previous session at sign-in', async () => {
    const person = await acme.person('fixation.target');
    const client = consoleClient(api.baseUrl);
    const planted = 'roster_session_planted-by-an-attacker';
    client.jar.set(SESSION_COOKIE, planted);
    await signInByEmail(client, acme.tenant.tenantId, person.email);
    const first = client.jar.get(SESSION_COOKIE)!;
    expect(first).not.toBe(planted);
    expect(await getSession(hashToken(planted))).toBeUndefined();
    await signInByEmail(client, acme.tenant.tenantId, person.email);
    expect(client.jar.get(SESSION_COOKIE)).not.toBe(first);
    expect(await getSession(hashToken(first))).toBeUndefined();
  });

  it('sets the session cookie __Host-, HttpOnly, Secure, SameSite=Lax', async () => {
    const { done } = await signedInNewcomer();
    const cookie = done.setCookies.find((value) => value.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/; Path=\/;/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax']) expect(cookie).toContain(attribute);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('keeps a session to its own company: another company’s member cannot be seen or changed', async () => {
    const foreign = await other.person('olga.other', { [ROSTER]: { managerEmail: people.manager.email } });
    const client = await asManager();
    const team = await client.get('/console/team');
    expect(team.html).not.toContain('olga');
    const attempt = await client.post(`/console/team/${foreign.id}/data-capture`, { csrf: client.csrfOf(team), on: 'true' });
    expect(attempt.status).toBe(404);
  });

  it('signs out: the cookie is cleared and its session no longer works', async () => {
    const { client } = await signedInNewcomer();
    const sessionId = client.jar.get(SESSION_COOKIE)!;
    const out = await client.post('/console/sign-out', { csrf: client.csrfOf(await client.get('/console/team')) });
    expect(out.status).toBe(303);
    expect(client.jar.has(SESSION_COOKIE)).toBe(false);
    const replayed = consoleClient(api.baseUrl);
    replayed.jar.set(SESSION_COOKIE, sessionId);
    const page = await replayed.get('/console/team');
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/console\/sign-in\?/);
  });

  it('answers a page, not an error of the store, for an id longer than any Roster issues', async () => {
    const client = await asManager();
    const csrf = client.csrfOf(await client.get('/console/team'));
    for (const id of ['x'.repeat(1_023), 'i'.repeat(3_000)]) {
      const attempt = await client.post(`/console/team/${id}/data-capture`, { csrf, on: 'true' });
      expect(attempt.status).toBe(404);
      expect(attempt.html).toContain('<!doctype html>');
    }
  });

  it('ends a session idle too long, and one past its absolute end', async () => {
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
    const base = { tenantId: acme.tenant.tenantId, subject: { kind: 'member' as const, memberId: people.loner.id }, method: 'emailLink' as const, csrfToken: 'c', createdAt: at(60) };
    const idle = 'roster_session_idle-for-the-test';
    await putSession({ ...base, sessionHash: hashToken(idle), lastSeenAt: at(31 * 60), expiresAt: Math.floor(Date.now() / 1000) + 3600 });
    const ended = 'roster_session_ended-for-the-test';
    await putSession({ ...base, sessionHash: hashToken(ended), lastSeenAt: at(10), expiresAt: Math.floor(Date.now() / 1000) - 1 });
    for (const sessionId of [idle, ended]) {
      const client = consoleClient(api.baseUrl);
      client.jar.set(SESSION_COOKIE, sessionId);
      expect((await client.get('/console/team')).status).toBe(303);
    }
  });
});
