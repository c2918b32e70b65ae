import '../../../support/environment.js';
import '../../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamPoller } from '../../../../infra/local/stream-poller.js';
import { resumeCompany, suspendCompany } from '../../../../shared/people/company/operator.js';
import { eraseMembersPastRetention, type RetentionReport } from '../../../../shared/people/members/retention-erasure.js';
import { processTeamMemberChanges } from '../../../../shared/people/team-member-changes.js';
import { countDynamoRequests, db } from '../../../../shared/store/client.js';
import { endInactivity, findInactivity, startInactivity } from '../../../../shared/store/inactive-members.js';
import { getTeamMember } from '../../../../shared/store/team-members.js';
import { adminCli } from '../../../support/admin-cli.js';
import { adminClient, type AdminClient } from '../../../support/admin-client.js';
import { erasablePerson, personalValuesLeft, type PersonalValues } from '../../../support/erasable-person.js';
import { startTestApi } from '../../../support/http-stack.js';
import { oktaUser, PATCH_OP, scimClient, type ScimClient } from '../../../support/scim-client.js';
import { startTestStreamPoller } from '../../../support/stream.js';
import { memberImage, streamRecord } from '../../../support/stream-records.js';
import { consistencyProblems } from '../../../support/table-consistency.js';
import { createTestTenant, type TestTenant } from '../../../support/tenant.js';

/**
 * Erasure after a company's retention, end to end on DynamoDB Local: SCIM deactivates and deletes,
 * the stream consumer keeps each member's inactivity clock, and the daily run — its clock set days
 * ahead — erases exactly the members inactive for longer than the retention.
 */
const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

interface Company {
  tenant: TestTenant;
  scim: ScimClient;
  admin: AdminClient;
}

let api: Awaited<ReturnType<typeof startTestApi>>;
let poller: StreamPoller | undefined;
const cli = adminCli();
const companies: Company[] = [];

async function company(domain: string, eraseAfterDays: number | null): Promise<Company> {
  const tenant = await createTestTenant(domain, `Retention ${domain}`);
  const made = { tenant, scim: scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken), admin: adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken) };
  if (eraseAfterDays !== null) await setRetention(made, eraseAfterDays);
  companies.push(made);
  return made;
}

async function setRetention({ admin }: Company, eraseAfterDays: number | null) {
  const settings = (await admin.get('/settings')).body;
  const saved = await admin.put('/settings', { ...settings, eraseAfterDays });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body.eraseAfterDays).toBe(eraseAfterDays);
}

const deactivate = ({ scim }: Company, id: string) => scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
const reactivate = ({ scim }: Company, id: string) => scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });

/** The daily run as of `at`, once the stream has handled every write so far. */
async function runAt(at: Date): Promise<RetentionReport> {
  await poller!.drain();
  const report = await eraseMembersPastRetention({ now: at });
  await poller!.drain();
  return report;
}

async function expectErased({ tenant, scim }: Company, id: string, values: PersonalValues) {
  expect(await personalValuesLeft(tenant.tenantId, values)).toEqual([]);
  expect((await scim.get(`/Users/${id}`)).status).toBe(404);
  expect((await getTeamMember(tenant.tenantId, id))?.erasedAt).toBeDefined();
  expect(await findInactivity(tenant.tenantId, id)).toBeUndefined();
}

async function expectKept({ tenant }: Company, id: string, values: PersonalValues) {
  expect(await personalValuesLeft(tenant.tenantId, values)).toEqual(Object.values(values));
  expect((await getTeamMember(tenant.tenantId, id))?.erasedAt).toBeUndefined();
}

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  // Left with a retention, these companies would be erased from by any later run in this database.
  for (const each of companies) await setRetention(each, null).catch(() => undefined);
  await poller?.stop();
  await api?.stop();
  cli.cleanup();
});

describe('the request path, with a retention set', () => {
  it('still deactivates in one request and deletes in the requests it took before: the clock is the stream’s work', async () => {
    // No stream poller yet: what the stream consumer does must not be counted here.
    const keeping = await company('counting.example', 30);
    await keeping.scim.post('/Users', oktaUser('warm.up@counting.example'));
    const [first, second] = [await keeping.scim.post('/Users', oktaUser('first.one@counting.example')), await keeping.scim.post('/Users', oktaUser('second.one@counting.example'))];
    const deactivated = await countDynamoRequests(() => deactivate(keeping, first.body.id));
    expect(deactivated.result.status).toBe(200);
    expect(deactivated.operations).toEqual(['UpdateItemCommand']);
    const deleted = await countDynamoRequests(() => keeping.scim.delete(`/Users/${second.body.id}`));
    expect(deleted.result.status).toBe(204);
    expect(deleted.operations).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
  });
});

describe('the stream consumer’s inactivity clocks (records handed to it directly, no poller yet)', () => {
  it('start, follow and end in a member’s order within a batch, and a batch delivered again changes nothing', async () => {
    const keeping = await company('clocks.example', null);
    const { tenantId } = keeping.tenant;
    const id = (await keeping.scim.post('/Users', oktaUser('clocked.one@clocks.example'))).body.id as string;
    const active1 = await memberImage(tenantId, id);
    expect((await deactivate(keeping, id)).status).toBe(200);
    const inactive2 = await memberImage(tenantId, id);
    expect((await reactivate(keeping, id)).status).toBe(200);
    const active3 = await memberImage(tenantId, id);
    expect((await deactivate(keeping, id)).status).toBe(200);
    const inactive4 = await memberImage(tenantId, id);
    expect((await keeping.scim.delete(`/Users/${id}`)).status).toBe(204);
    const hidden5 = await memberImage(tenantId, id);
    const clockOf = (image: typeof active1) => ({ tenantId, memberId: id, since: image.updatedAt!.S, version: Number(image.version!.N) });

    const away = [streamRecord(inactive2, active1), streamRecord(active3, inactive2)];
    expect(await processTeamMemberChanges(away)).toBeUndefined();
    expect(await findInactivity(tenantId, id)).toBeUndefined();
    expect(await processTeamMemberChanges([streamRecord(inactive4, active3), streamRecord(hidden5, inactive4)])).toBeUndefined();
    // Deleted after deactivated: the clock keeps the deactivation's time, at the deletion's version.
    expect(await findInactivity(tenantId, id)).toEqual({ ...clockOf(inactive4), version: clockOf(hidden5).version });
    expect(await processTeamMemberChanges(away)).toBeUndefined();
    expect(await findInactivity(tenantId, id)).toEqual({ ...clockOf(inactive4), version: clockOf(hidden5).version });
  });
});

describe('erasure after the retention', () => {
  beforeAll(async () => {
    poller = startTestStreamPoller();
    // Its first pass places it at the stream's end: only then is every later write sure to reach it.
    await poller.drain();
  });

  it('erases the members deactivated or deleted longer than the retention, and nobody else', async () => {
    const keeping = await company('keeping.example', 30);
    const never = await company('never.example', null);
    const person = (where: Company, local: string) => erasablePerson(where.scim, poller!, where.tenant.domain, local);
    const deactivated = await person(keeping, 'deactivated');
    const deleted = await person(keeping, 'deleted');
    const back = await person(keeping, 'back');
    const active = await person(keeping, 'active');
    const elsewhere = await person(never, 'elsewhere');

    expect((await deactivate(keeping, deactivated.id)).status).toBe(200);
    expect((await keeping.scim.delete(`/Users/${deleted.id}`)).status).toBe(204);
    expect((await deactivate(keeping, back.id)).status).toBe(200);
    expect((await deactivate(never, elsewhere.id)).status).toBe(200);
    await poller!.drain();
    expect((await reactivate(keeping, back.id)).status).toBe(200);
    await poller!.drain();
    // The stream consumer's clocks: started for the inactive, ended for the one back.
    expect(await findInactivity(keeping.tenant.tenantId, deactivated.id)).toMatchObject({ version: (await getTeamMember(keeping.tenant.tenantId, deactivated.id))!.version });
    expect(await findInactivity(keeping.tenant.tenantId, deleted.id)).toBeDefined();
    expect(await findInactivity(keeping.tenant.tenantId, back.id)).toBeUndefined();
    expect(await findInactivity(keeping.tenant.tenantId, active.id)).toBeUndefined();
    expect(await findInactivity(never.tenant.tenantId, elsewhere.id)).toBeDefined();

    // A day before the retention is over: nobody.
    expect((await runAt(daysFromNow(29))).erased).toBe(0);
    for (const kept of [deactivated, deleted, back, active]) await expectKept(keeping, kept.id, kept.values);

    const usersBefore = (await keeping.scim.get('/Users?count=1')).body.totalResults as number;
    const report = await runAt(daysFromNow(31));
    expect(report).toMatchObject({ erased: 2, failed: 0 });
    await expectErased(keeping, deactivated.id, deactivated.values);
    await expectErased(keeping, deleted.id, deleted.values);
    for (const kept of [back, active]) await expectKept(keeping, kept.id, kept.values);
    await expectKept(never, elsewhere.id, elsewhere.values);
    expect((await keeping.scim.get(`/Users/${back.id}`)).status).toBe(200);
    // The deactivated one left the visible members; the deleted one had left already.
    expect((await keeping.scim.get('/Users?count=1')).body.totalResults).toBe(usersBefore - 1);
    expect((await keeping.scim.get(`/Groups/${deactivated.groupId}`)).body.members ?? []).toEqual([]);
    // Its name and externalId are free again.
    expect((await keeping.scim.post('/Users', oktaUser(deactivated.values.userName, { externalId: deactivated.values.externalId }))).status).toBe(201);
    expect(await consistencyProblems(keeping.tenant.tenantId)).toEqual([]);
    expect(await consistencyProblems(never.tenant.tenantId)).toEqual([]);

    // Again: nothing left to do.
    expect((await runAt(daysFromNow(31))).erased).toBe(0);
  });

  it('applies the retention in force at each run to members already inactive: set late, lengthened, shortened, suspended', async () => {
    const late = await company('late.example', null);
    const person = (local: string) => erasablePerson(late.scim, poller!, late.tenant.domain, local);
    const deactivated = await person('deactivated');
    const deleted = await person('deleted');
    expect((await deactivate(late, deactivated.id)).status).toBe(200);
    expect((await late.scim.delete(`/Users/${deleted.id}`)).status).toBe(204);

    expect((await runAt(daysFromNow(45))).erased).toBe(0);
    await setRetention(late, 60);
    expect((await runAt(daysFromNow(45))).erased).toBe(0);
    await setRetention(late, 30);
    await suspendCompany(late.tenant.tenantId, 'test: erasure waits');
    expect((await runAt(daysFromNow(45))).erased).toBe(0);
    await resumeCompany(late.tenant.tenantId);
    for (const kept of [deactivated, deleted]) await expectKept(late, kept.id, kept.values);

    expect((await runAt(daysFromNow(45))).erased).toBe(2);
    await expectErased(late, deactivated.id, deactivated.values);
    await expectErased(late, deleted.id, deleted.values);
    expect(await consistencyProblems(late.tenant.tenantId)).toEqual([]);
  });

  it('never erases early when a clock fell behind its member: it counts from the member’s last write', async () => {
    const keeping = await company('behind.example', 30);
    const { id, values } = await erasablePerson(keeping.scim, poller!, keeping.tenant.domain, 'behind');
    expect((await deactivate(keeping, id)).status).toBe(200);
    await poller!.drain();
    // A clock of an earlier version, started long ago (as a stream record that never arrived would leave it).
    const member = (await getTeamMember(keeping.tenant.tenantId, id))!;
    const stale = { tenantId: keeping.tenant.tenantId, memberId: id, since: new Date(Date.now() - 400 * DAY_MS).toISOString(), version: member.version - 1 };
    await endInactivity(stale.tenantId, id, member.version);
    await startInactivity(stale);

    expect(await runAt(daysFromNow(10))).toMatchObject({ erased: 0, notYet: 1 });
    await expectKept(keeping, id, values);
    expect((await runAt(daysFromNow(31))).erased).toBe(1);
    await expectErased(keeping, id, values);
  });

  it('counts members made inactive before the clocks existed once the operator’s CLI gives them one, from their last write', async () => {
    const old = await company('before.example', 30);
    const { id, values } = await erasablePerson(old.scim, poller!, old.tenant.domain, 'before');
    expect((await deactivate(old, id)).status).toBe(200);
    await poller!.drain();
    // As a member deactivated before this version was deployed: no clock, so no run erases it.
    const member = (await getTeamMember(old.tenant.tenantId, id))!;
    await endInactivity(old.tenant.tenantId, id, member.version);
    expect((await runAt(daysFromNow(31))).erased).toBe(0);

    for (let run = 0; run < 2; run += 1) {
      const tracked = await cli.run(['members', 'track-inactive', old.tenant.tenantId]);
      expect(tracked.code, tracked.stderr).toBe(0);
      expect(tracked.stdout).toContain(`1 deactivated or deleted member(s) of ${old.tenant.tenantId} have an inactivity clock`);
      expect(await findInactivity(old.tenant.tenantId, id)).toEqual({ tenantId: old.tenant.tenantId, memberId: id, since: member.updatedAt, version: member.version });
    }
    expect((await cli.run(['members', 'track-inactive', 'no-such-company'])).stderr.trim()).toBe('No company no-such-company.');

    expect((await runAt(daysFromNow(31))).erased).toBe(1);
    await expectErased(old, id, values);
  });

  it('leaves a member its provider reactivates while the run is erasing it', async () => {
    const keeping = await company('racing.example', 30);
    const { id, values } = await erasablePerson(keeping.scim, poller!, keeping.tenant.domain, 'racing');
    expect((await deactivate(keeping, id)).status).toBe(200);
    await poller!.drain();
    // The run reads the member, then Okta reactivates it before the run's conditional write.
    const reactivated = new Promise<void>((done) => {
      db().middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'TransactWriteItemsCommand' && JSON.stringify(args.input).includes(':expected')) {
            db().middlewareStack.remove('reactivateFirst');
            expect((await reactivate(keeping, id)).status).toBe(200);
            done();
          }
          return next(args);
        },
        { step: 'initialize', name: 'reactivateFirst' },
      );
    });
    const report = await runAt(daysFromNow(31));
    await reactivated;
    expect(report).toMatchObject({ erased: 0, changed: 1, failed: 0 });
    await expectKept(keeping, id, values);
    expect((await keeping.scim.get(`/Users/${id}`)).body.active).toBe(true);
    expect(await findInactivity(keeping.tenant.tenantId, id)).toBeUndefined();
  });
});

describe('the retention setting (admin API)', () => {
  it('is null by default, set within 1 to 3650 days, kept when a PUT leaves it out, and cleared with null', async () => {
    const setting = await company('setting.example', null);
    const settings = (await setting.admin.get('/settings')).body;
    expect(settings.eraseAfterDays).toBeNull();
    for (const refused of [0, 3651, 1.5, '30']) {
      const answer = await setting.admin.put('/settings', { ...settings, eraseAfterDays: refused });
      expect(answer.status, String(refused)).toBe(400);
    }
    await setRetention(setting, 3650);
    const { eraseAfterDays: _left, ...withoutIt } = (await setting.admin.get('/settings')).body;
    const kept = await setting.admin.put('/settings', { ...withoutIt, name: 'Renamed' });
    expect(kept.body).toMatchObject({ name: 'Renamed', eraseAfterDays: 3650 });
    await setRetention(setting, null);
  });
});
