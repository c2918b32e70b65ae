import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { useLocalStack } from '../support/local-stack-process.js';
import { oktaUser } from '../support/scim-client.js';

const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';

/** The provisioning rules of the article (Step 4, time zones, managers) against `npm start`. */
describe('team-member profiles against `npm start`', () => {
  const local = useLocalStack();
  const roster = (user: any) => user[ROSTER];

  it('refuses a foreign domain with a clear 400 and records it', async () => {
    const refused = await local.scim.post('/Users', oktaUser('jane@competitor.test'));
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/not one of the company's domains \(example\.com\)/);
    const { rejectedImports } = (await local.admin.get('/import-errors')).body;
    expect(rejectedImports[0]).toMatchObject({ userName: 'jane@competitor.test', rule: 'emailDomain' });
  });

  it('resolves time zones from the country, the US state, or the company default', async () => {
    const onlyCountry = (await local.scim.post('/Users', oktaUser('ori.country@example.com', { [ROSTER]: { country: 'ISR' } }))).body;
    const usState = (await local.scim.post('/Users', oktaUser('tex.state@example.com', { [ROSTER]: { country: 'US', stateOrProvince: 'Texas' } }))).body;
    const nothing = (await local.scim.post('/Users', oktaUser('no.where@example.com'))).body;
    expect(roster(onlyCountry)).toMatchObject({ country: 'IL', resolvedTimeZone: 'Asia/Jerusalem', timeZoneSource: 'country' });
    expect(roster(usState)).toMatchObject({ stateOrProvince: 'US-TX', resolvedTimeZone: 'America/Chicago', timeZoneSource: 'stateOrProvince' });
    expect(roster(nothing)).toMatchObject({ resolvedTimeZone: 'America/New_York', timeZoneSource: 'companyDefault' });
  });

  it('resolves the time zone by province outside the Americas and Russia too (the Canaries, the Azores)', async () => {
    const canary = (await local.scim.post('/Users', oktaUser('gran.canaria@example.com', { [ROSTER]: { country: 'Spain', stateOrProvince: 'Las Palmas' } }))).body;
    const azores = (await local.scim.post('/Users', oktaUser('ponta.delgada@example.com', { [ROSTER]: { country: 'PT', stateOrProvince: 'PT-20' } }))).body;
    expect(roster(canary)).toMatchObject({ country: 'ES', stateOrProvince: 'ES-GC', resolvedTimeZone: 'Atlantic/Canary', timeZoneSource: 'stateOrProvince' });
    expect(roster(azores)).toMatchObject({ stateOrProvince: 'PT-20', resolvedTimeZone: 'Atlantic/Azores', timeZoneSource: 'stateOrProvince' });
  });

  it('owns the extension written in an Okta phone number as Okta owns the number', async () => {
    const user = (await local.scim.post('/Users', oktaUser('with.extension@example.com', { phoneNumbers: [{ value: '(212) 575-1994 ext 3437', type: 'work', primary: true }] }))).body;
    expect(user.phoneNumbers).toEqual([expect.objectContaining({ value: '+12125751994' })]);
    expect(roster(user).primaryPhoneExtension).toBe('3437');
    const { fields } = (await local.admin.get(`/team-members/${user.id}`)).body;
    expect(fields.primaryPhoneExtension).toMatchObject({ value: '3437', source: 'provider', editableByHand: false });
    const edit = await local.admin.patch(`/team-members/${user.id}`, { profile: { primaryPhoneExtension: '1' } });
    expect(edit.status).toBe(409);
  });

  it('links a report imported before its manager when the manager arrives', async () => {
    const report = (await local.scim.post('/Users', oktaUser('first.report@example.com', { [ROSTER]: { managerEmail: 'late.boss@example.com' } }))).body;
    expect(roster(report).managerResolution).toBe('notFound');
    const boss = (await local.scim.post('/Users', oktaUser('late.boss@example.com'))).body;
    await eventually(async () => {
      expect(roster((await local.scim.get(`/Users/${report.id}`)).body)).toMatchObject({ managerId: boss.id, managerResolution: 'email' });
    });
    expect((await local.admin.get(`/team-members/${boss.id}`)).body.directReportIds).toEqual([report.id]);
  });

  it('leaves a report unassigned and flagged when two managers share the name', async () => {
    await local.scim.post('/Users', oktaUser('alex.morgan@example.com'));
    await local.scim.post('/Users', oktaUser('alex.morgan2@example.com', { name: { givenName: 'Alex', familyName: 'Morgan' } }));
    const report = (await local.scim.post('/Users', oktaUser('morgan.report@example.com', { [ROSTER]: { managerFullName: 'Alex Morgan' } }))).body;
    expect(roster(report).managerResolution).toBe('ambiguous');
    const { flaggedTeamMembers } = (await local.admin.get('/import-errors')).body;
    expect(flaggedTeamMembers).toContainEqual(expect.objectContaining({ id: report.id, flags: expect.arrayContaining(['manager: ambiguous']) }));
  });
});
