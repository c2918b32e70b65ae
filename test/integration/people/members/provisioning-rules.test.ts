import '../../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRejections } from '../../../../shared/store/rejections.js';
import { adminClient } from '../../../support/admin-client.js';
import { startTestApi } from '../../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../../support/scim-client.js';
import { startTestStreamPoller } from '../../../support/stream.js';
import { createTestTenant, type TestTenant } from '../../../support/tenant.js';

const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
let api: Awaited<ReturnType<typeof startTestApi>>;
let poller: ReturnType<typeof startTestStreamPoller>;
let scim: ScimClient;
let tenant: TestTenant;

beforeAll(async () => {
  api = await startTestApi();
  poller = startTestStreamPoller();
  tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
});
afterAll(async () => {
  await poller?.stop();
  await api?.stop();
});

const person = (local: string, overrides: Record<string, unknown> = {}) => oktaUser(`${local}@${tenant.domain}`, overrides);
const roster = (body: any) => body[ROSTER];

describe('mandatory fields', () => {
  it('refuses a foreign domain with a clear 400 and records the rejection', async () => {
    const response = await scim.post('/Users', oktaUser('outsider@gmail.com'));
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
    expect(response.body.detail).toContain('not one of the company');
    expect(response.body.detail).toContain(tenant.domain);
    const [rejection] = await listRejections(tenant.tenantId);
    expect(rejection).toMatchObject({ userName: 'outsider@gmail.com', rule: 'emailDomain', connectionId: expect.any(String) });
    expect((await scim.get(`/Users?filter=${encodeURIComponent('userName eq "outsider@gmail.com"')}`)).body.totalResults).toBe(0);
  });

  it('refuses missing names, and an update that would break the rules leaves the user as it was', async () => {
    const missing = await scim.post('/Users', person('no.family', { name: { givenName: 'No' } }));
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toContain('last name');
    const user = (await scim.post('/Users', person('kept.user'))).body;
    const update = await scim.put(`/Users/${user.id}`, { ...user, emails: [{ value: 'kept@elsewhere.test', primary: true, type: 'work' }] });
    expect(update.status).toBe(400);
    expect((await scim.get(`/Users/${user.id}`)).body.emails[0].value).toBe(user.emails[0].value);
  });
});

describe('normalised values', () => {
  it('resolves time zones by the article’s hierarchy and records the source', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ timezone: 'Europe/Paris', [ROSTER]: { country: 'US' } }, 'Europe/Paris', 'timezone'],
      [{ [ROSTER]: { country: 'Israel' } }, 'Asia/Jerusalem', 'country'],
      [{ [ROSTER]: { country: 'usa', stateOrProvince: 'California' } }, 'America/Los_Angeles', 'stateOrProvince'],
      [{ addresses: [{ type: 'work', country: 'CA', region: 'BC' }] }, 'America/Vancouver', 'stateOrProvince'],
      [{}, 'America/New_York', 'companyDefault'],
    ];
    for (const [index, [overrides, zone, source]] of cases.entries()) {
      const response = await scim.post('/Users', person(`zone.case${index}`, overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(201);
      expect(roster(response.body), JSON.stringify(overrides)).toMatchObject({ resolvedTimeZone: zone, timeZoneSource: source });
    }
    const offset = await scim.post('/Users', person('zone.offset', { timezone: '-05:00' }));
    expect(offset.status).toBe(400);
    expect(offset.body.detail).toMatch(/offset/i);
  });

  it('stores phone numbers as E.164 with the extension, country as alpha-2, region as ISO 3166-2, locale as BCP 47', async () => {
    const response = await scim.post('/Users', person('phone.user', {
      phoneNumbers: [{ value: '(212) 575-1994 ext 3437', type: 'work', primary: true }],
      locale: 'en_US',
      [ROSTER]: { country: 'United States', stateOrProvince: 'ny' },
    }));
    expect(response.status).toBe(201);
    expect(response.body.phoneNumbers[0].value).toBe('+12125751994');
    expect(response.body.locale).toBe('en-US');
    expect(roster(response.body)).toMatchObject({ primaryPhoneExtension: '3437', country: 'US', stateOrProvince: 'US-NY' });
    const unreadable = await scim.post('/Users', person('phone.bad', { phoneNumbers: [{ value: 'call me maybe', type: 'work' }] }));
    expect(unreadable.status).toBe(201);
    expect(unreadable.body.phoneNumbers[0].value).toBe('call me maybe');
  });
});

describe('manager and org hierarchy', () => {
  it('links by manager email, by enterprise manager id and by full name', async () => {
    const boss = (await scim.post('/Users', person('the.boss', { [ENTERPRISE]: { employeeNumber: 'E-1' } }))).body;
    const byEmail = (await scim.post('/Users', person('report.one', { [ROSTER]: { managerEmail: `THE.BOSS@${tenant.domain}` } }))).body;
    const byId = (await scim.post('/Users', person('report.two', { [ENTERPRISE]: { manager: { value: 'E-1' } } }))).body;
    const byName = (await scim.post('/Users', person('report.three', { [ROSTER]: { managerFullName: '  the   BOSS ' } }))).body;
    expect(roster(byEmail)).toMatchObject({ managerId: boss.id, managerResolution: 'email' });
    expect(roster(byId)).toMatchObject({ managerId: boss.id, managerResolution: 'id' });
    expect(roster(byName)).toMatchObject({ managerId: boss.id, managerResolution: 'fullName' });
    const { findDirectReports } = await import('../../../../shared/store/team-members.js');
    expect((await findDirectReports(tenant.tenantId, boss.id)).map((member) => member.id).sort()).toEqual([byEmail.id, byId.id, byName.id].sort());
  });

  it('links a report imported before its manager once the manager arrives', async () => {
    const report = (await scim.post('/Users', person('early.report', { [ROSTER]: { managerEmail: `late.manager@${tenant.domain}` } }))).body;
    expect(roster(report)).toMatchObject({ managerResolution: 'notFound' });
    const manager = (await scim.post('/Users', person('late.manager'))).body;
    await poller.drain();
    expect(roster((await scim.get(`/Users/${report.id}`)).body)).toMatchObject({ managerId: manager.id, managerResolution: 'email' });
  });

  it('leaves the report unassigned and flagged when two managers share the name', async () => {
    await scim.post('/Users', person('pat.twin', { name: { givenName: 'Pat', familyName: 'Twin' }, [ENTERPRISE]: { employeeNumber: 'T-1' } }));
    await scim.post('/Users', person('pat.twin2', { name: { givenName: 'Pat', familyName: 'Twin' }, [ENTERPRISE]: { employeeNumber: 'T-2' } }));
    const report = (await scim.post('/Users', person('twin.report', { [ROSTER]: { managerFullName: 'Pat Twin' } }))).body;
    expect(roster(report).managerResolution).toBe('ambiguous');
    expect(roster(report)).not.toHaveProperty('managerId');
  });

  it('refuses a link that would make a reporting cycle', async () => {
    const top = (await scim.post('/Users', person('cycle.top'))).body;
    const middle = (await scim.post('/Users', person('cycle.middle', { [ROSTER]: { managerEmail: top.userName } }))).body;
    expect(roster(middle).managerId).toBe(top.id);
    const updated = await scim.put(`/Users/${top.id}`, { ...top, [ROSTER]: { managerEmail: middle.userName } });
    expect(updated.status).toBe(200);
    expect(roster(updated.body)).not.toHaveProperty('managerId');
    expect(roster(updated.body).managerResolution).toBe('cycle');
    expect(roster((await scim.get(`/Users/${top.id}`)).body).managerResolution).toBe('cycle');
    const adminView = (await adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken).get(`/team-members/${top.id}`)).body;
    expect(adminView).toMatchObject({ managerId: null, managerResolution: 'cycle', flags: [expect.stringContaining('cycle')] });
  });

  it('keeps managerId and managerResolution in agreement as the manager fields are removed one by one', async () => {
    const manager = (await scim.post('/Users', person('removed.manager', { [ENTERPRISE]: { employeeNumber: 'RM-1' } }))).body;
    const report = (
      await scim.post('/Users', person('removed.report', { [ENTERPRISE]: { manager: { value: manager.id } }, [ROSTER]: { managerEmail: manager.userName } }))
    ).body;
    expect(roster(report)).toMatchObject({ managerId: manager.id, managerResolution: 'email' });
    const patch = (...Operations: unknown[]) => scim.patch(`/Users/${report.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });
    const agree = (body: any) => {
      const { managerId, managerResolution } = roster(body);
      expect(managerResolution === 'none' || managerResolution === 'notFound' || managerResolution === 'ambiguous' || managerResolution === 'cycle').toBe(managerId === undefined);
    };
    const afterEmail = await patch({ op: 'remove', path: `${ROSTER}:managerEmail` });
    expect(afterEmail.status, afterEmail.text).toBe(200);
    expect(roster(afterEmail.body)).toMatchObject({ managerId: manager.id, managerResolution: 'id' });
    const afterManager = await patch({ op: 'remove', path: `${ENTERPRISE}:manager` });
    expect(roster(afterManager.body)).toMatchObject({ managerResolution: 'none' });
    agree(afterManager.body);
    const afterExtension = await patch({ op: 'remove', path: ROSTER });
    expect(afterExtension.status, afterExtension.text).toBe(200);
    agree(afterExtension.body);
    const read = (await scim.get(`/Users/${report.id}`)).body;
    agree(read);
    expect(roster(read)).toMatchObject({ managerResolution: 'none' });
    expect(roster(read)).not.toHaveProperty('managerId');
    const { findDirectReports } = await import('../../../../shared/store/team-members.js');
    expect((await findDirectReports(tenant.tenantId, manager.id)).map((member) => member.id)).not.toContain(report.id);
  });
});
