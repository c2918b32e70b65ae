import '../../support/environment.js';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as teamMemberChanges } from '../../../functions/team-member-changes/handler.js';
import { openStreamReader, type StreamReader } from '../../../infra/local/stream-poller.js';
import type { Principal } from '../../../shared/auth/principal.js';
import { mapLimited } from '../../../shared/parallel.js';
import { updateSeatType } from '../../../shared/people/company/company-config-admin.js';
import { changeGroup, createGroup, getGroupOrFail } from '../../../shared/people/groups/groups.js';
import { memberHistoryPage } from '../../../shared/people/members/member-history.js';
import { replaceTeamMember, setTeamMemberActive } from '../../../shared/people/members/team-members.js';
import { releaseDueNotifications } from '../../../shared/people/notifications/release-notifications.js';
import { parseUserBody } from '../../../shared/scim/resources/user-input.js';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { loadCompanyConfig } from '../../../shared/store/company-config.js';
import { findDigest } from '../../../shared/store/manager-digests.js';
import { readMembers } from '../../../shared/store/memberships.js';
import { getTeamMember } from '../../../shared/store/team-members.js';
import { notifierEventFilter } from '../../../shared/stream-filter.js';
import { notifyingCompany, processAt } from '../../support/notifying-company.js';
import { useOwnDynamoDb } from '../../support/own-dynamodb.js';
import { oktaUser } from '../../support/scim-client.js';
import { emailsByRecipient } from '../../support/ses-inbox.js';
import { consistencyProblems } from '../../support/table-consistency.js';
import { injectDynamoFault } from '../../support/dynamo-faults.js';
import { insertRecordOf } from '../../support/stream-records.js';

const MANAGERS = 50;
const REPORTS = 400;
/** Reports pushed before their manager: they wait for it, and are linked when it arrives. */
const EARLY_REPORTS = 10;
const GROUPS = 4;
/** Members Okta adds to a group per PATCH. */
const MEMBERS_PER_PATCH = 25;
const RENAMED = 5;
const DEACTIVATED = 5;
/** The event source mapping's batch size (infra/constructs/notifier.ts). */
const BATCH = 100;
const IMPORTS_AT_ONCE = 8;
const RELEASE_AFTER_MS = 8 * 24 * 3600 * 1000;

let ownDynamoDb: Awaited<ReturnType<typeof useOwnDynamoDb>> | undefined;
let reader: StreamReader | undefined;

beforeAll(async () => {
  // Thousands of items and their stream records: in a DynamoDB Local of their own, whose stream only this file reads.
  ownDynamoDb = await useOwnDynamoDb();
}, 120_000);
afterAll(async () => {
  reader?.close();
  await ownDynamoDb?.stop();
});

const inParallel = <T, R>(items: T[], work: (item: T, index: number) => Promise<R>) => mapLimited(items, IMPORTS_AT_ONCE, work);

/** What the notifier did with the stream so far: records handled and the DynamoDB requests it made, by phase. */
const phases: Array<{ phase: string; records: number; requests: string[] }> = [];

/**
 * Hands every team-member record the table's stream holds now to the handler, in batches of 100
 * (the event source mapping filters, then batches), counting its DynamoDB requests; then the
 * records of the handler's own writes, until there are none.
 */
async function notifierCatchesUp(phase: string): Promise<void> {
  const counted = { phase, records: 0, requests: [] as string[] };
  phases.push(counted);
  for (;;) {
    const records: DynamoDBRecord[] = [];
    while (await reader!.pass(async (read) => void records.push(...read.filter(notifierEventFilter.matches)))) {
      // every page of the stream
    }
    if (!records.length) return;
    for (let offset = 0; offset < records.length; offset += BATCH) {
      const batch = records.slice(offset, offset + BATCH);
      const { result, operations } = await countDynamoRequests(() => teamMemberChanges({ Records: batch }) as Promise<DynamoDBBatchResponse>);
      expect(result.batchItemFailures).toEqual([]);
      counted.records += batch.length;
      counted.requests.push(...operations);
    }
  }
}

describe('the notifier on an Okta import burst', () => {
  it('handles managers, then reports, then groups and memberships, with at most 4 DynamoDB requests per stream record on average', async () => {
    const company = await notifyingCompany();
    const principal: Principal = { tenantId: company.tenantId, connectionId: company.tenant.connectionId, scope: 'scim' };
    reader = openStreamReader({ endpoint: ownDynamoDb!.endpoint, streamArn: ownDynamoDb!.streamArn });
    await reader.pass(async () => undefined); // from here on

    const managers = await inParallel(Array.from({ length: MANAGERS }, (_, index) => `burst.manager${index}`), (local) => company.person(local, { locale: 'en-US', timezone: 'America/New_York' }));
    await notifierCatchesUp('managers');
    const reports = await inParallel(Array.from({ length: REPORTS }, (_, index) => index), (index) => company.person(`burst.report${index}`, {}, `burst.manager${index % MANAGERS}`));
    const early = await inParallel(Array.from({ length: EARLY_REPORTS }, (_, index) => index), (index) => company.person(`burst.early${index}`, {}, 'burst.late'));
    await notifierCatchesUp('reports');

    // Okta pushes the groups, then their members a few dozen per PATCH; the late manager arrives meanwhile.
    const groups = await inParallel(Array.from({ length: GROUPS }, (_, index) => `Burst team ${index}`), async (displayName) => (await createGroup(principal, { displayName })).group);
    const lateBoss = await company.person('burst.late', { locale: 'en-US', timezone: 'America/New_York' });
    const patches = groups.flatMap((group, groupIndex) => {
      const members = reports.filter((_, index) => index % GROUPS === groupIndex).map((member) => member.id);
      return Array.from({ length: Math.ceil(members.length / MEMBERS_PER_PATCH) }, (_, patch) => ({ group, ids: members.slice(patch * MEMBERS_PER_PATCH, (patch + 1) * MEMBERS_PER_PATCH) }));
    });
    for (const { group, ids } of patches) await changeGroup(principal, await getGroupOrFail(principal, group.id), { memberSteps: [{ kind: 'add', ids }] }, undefined);
    await notifierCatchesUp('groups and memberships');

    // A few profile updates (renames, which rewrite the name on the group memberships) and deactivations.
    const renamed = reports.slice(0, RENAMED);
    await inParallel(renamed, async (member, index) => {
      const current = (await getTeamMember(company.tenantId, member.id))!;
      await replaceTeamMember(principal, current, parseUserBody(oktaUser(member.userName, { displayName: `Renamed Report ${index}`, 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: company.email(`burst.manager${index % MANAGERS}`) } })));
    });
    const deactivated = reports.slice(RENAMED, RENAMED + DEACTIVATED);
    await inParallel(deactivated, (member) => setTeamMemberActive(principal, member.id, false, undefined));
    await notifierCatchesUp('updates');

    const records = phases.reduce((sum, { records: handled }) => sum + handled, 0);
    const requests = phases.flatMap(({ requests: made }) => made);
    console.log(JSON.stringify(phases.map(({ phase, records: handled, requests: made }) => ({ phase, records: handled, requestsPerRecord: Number((made.length / handled).toFixed(2)), byCommand: tally(made) }))));
    expect(records).toBeGreaterThanOrEqual(MANAGERS + REPORTS + EARLY_REPORTS + 1 + REPORTS + RENAMED + DEACTIVATED);
    expect(requests.length / records).toBeLessThanOrEqual(4);
    for (const { phase, records: handled, requests: made } of phases) expect(made.length / handled, phase).toBeLessThanOrEqual(4);

    // Every manager's digest holds its reports, the late one's the reports that waited for it.
    for (const [index, manager] of managers.entries()) {
      expect((await findDigest(company.tenantId, manager.id))?.memberIds).toEqual(reports.filter((_, report) => report % MANAGERS === index).map((report) => report.id).sort());
    }
    expect((await findDigest(company.tenantId, lateBoss.id))?.memberIds).toEqual(early.map((report) => report.id).sort());
    // Everybody present holds the recording seat; those deactivated gave it back.
    const everybody = [...managers, ...reports, ...early, lateBoss];
    const seat = (await loadCompanyConfig(company.tenantId)).seatTypes[0]!;
    expect(seat.inUse).toBe(everybody.length - DEACTIVATED);
    for (const member of everybody) {
      const current = (await getTeamMember(company.tenantId, member.id))!;
      expect(current.effective?.dataCaptureActive, member.userName).toBe(!deactivated.includes(member));
    }
    // The history of a grouped, renamed report: each change, the settings and the notification decision.
    const history = (await memberHistoryPage(company.tenantId, renamed[0]!.id, { limit: 50 })).items.map((entry) => entry.event);
    expect(new Set(history)).toEqual(new Set(['created', 'settingsRecomputed', 'notificationQueued', 'groupsChanged', 'profileChanged']));
    // Its memberships carry the new name.
    const [group] = groups;
    expect((await readMembers(company.tenantId, group!.id)).find((member) => member.id === renamed[0]!.id)?.display).toBe('Renamed Report 0');
    expect(await consistencyProblems(company.tenantId)).toEqual([]);

    // One email per manager once the digests are due.
    const release = await releaseDueNotifications({ now: new Date(Date.now() + RELEASE_AFTER_MS) });
    expect(release).toMatchObject({ sent: MANAGERS + 1, failed: 0 });
    const inboxes = await emailsByRecipient(inject('sesUrl'));
    expect([...managers, lateBoss].map((manager) => inboxes.get(manager.userName.toLowerCase())?.length)).toEqual([...managers, lateBoss].map(() => 1));
  }, 600_000);
});

describe('a batch whose shared writes cannot all go through together', () => {
  const THURSDAY = new Date('2027-01-14T15:00:00Z');
  const SEATS = 6;
  const REPORTS_IN_BATCH = 12;

  /** A boss and reports imported into a company with fewer recording seats than people, their INSERTs handled as one batch. */
  async function importedInOneBatch(faults?: () => () => void) {
    const company = await notifyingCompany();
    const seat = (await loadCompanyConfig(company.tenantId)).seatTypes[0]!;
    await updateSeatType(company.tenantId, seat.id, { name: seat.name, total: SEATS, capabilities: seat.capabilities });
    const boss = await company.person('batch.boss', { locale: 'en-US', timezone: 'America/New_York' });
    const reports = await inParallel(Array.from({ length: REPORTS_IN_BATCH }, (_, index) => index), (index) => company.person(`batch.report${index}`, {}, 'batch.boss'));
    const records = await Promise.all([boss, ...reports].map((member) => insertRecordOf(company.tenantId, member.id)));
    const remove = faults?.();
    try {
      await processAt(THURSDAY, records);
    } finally {
      remove?.();
    }
    const held = await Promise.all([boss, ...reports].map(async (member) => (await getTeamMember(company.tenantId, member.id))!.effective!.seatTypeIds.length));
    return {
      held,
      inUse: (await loadCompanyConfig(company.tenantId)).seatTypes[0]!.inUse,
      queued: (await findDigest(company.tenantId, boss.id))?.memberIds.length,
      noted: await Promise.all(reports.map(async (report) => (await memberHistoryPage(company.tenantId, report.id, {})).items.some((entry) => entry.event === 'notificationQueued'))),
    };
  }

  it('gives the seats left to the first members in the batch’s order and queues everyone, and when the shared transactions fail, handles the members one by one with the same outcome', async () => {
    const together = await importedInOneBatch();
    expect(together).toEqual({ held: [...Array(SEATS).fill(1), ...Array(REPORTS_IN_BATCH + 1 - SEATS).fill(0)], inUse: SEATS, queued: REPORTS_IN_BATCH, noted: Array(REPORTS_IN_BATCH).fill(true) });

    // The batch's settings transaction and its queueing transaction each fail once (as when a member or an import record changed meanwhile).
    const failing = new Set(['effectiveVersion', '#IMPORT#']);
    const failOnce = () =>
      injectDynamoFault((operation, input) => {
        const marker = [...failing].find((text) => operation === 'TransactWriteItems' && JSON.stringify(input).includes(text));
        if (!marker || (input.TransactItems as unknown[]).length < 3) return undefined;
        failing.delete(marker);
        return Object.assign(new Error('injected failure of a shared transaction'), { name: 'InternalServerError' });
      });
    expect(await importedInOneBatch(failOnce)).toEqual(together);
    expect(failing.size).toBe(0);
  });
});

function tally(names: string[]): Record<string, number> {
  return names.reduce<Record<string, number>>((counts, name) => ({ ...counts, [name.replace(/Command$/, '')]: (counts[name.replace(/Command$/, '')] ?? 0) + 1 }), {});
}
