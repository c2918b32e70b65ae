import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NO_OWNERSHIP } from '../../shared/profile/field-ownership.js';
import { db, tableName } from '../../shared/store/client.js';
import { group } from '../../shared/store/entities/group.js';
import { teamMember } from '../../shared/store/entities/team-member.js';
import { counterShard } from '../../shared/store/entities/counter-shard.js';
import { identifierEdge } from '../../shared/store/entities/edges.js';
import { importRecord } from '../../shared/store/entities/import-record.js';
import { memberHistory } from '../../shared/store/entities/member-history.js';
import { membership } from '../../shared/store/entities/membership.js';
import { groupNameMarker, userExternalIdMarker, userNameMarker } from '../../shared/store/entities/unique-markers.js';

/**
 * Bulk-loads a big company's members and groups with BatchWriteItem (their own items and index
 * keys, through the entities), for tests that count what a page reads: 10,000 members through
 * POST /Users would take minutes, and the markers, edges and counters are not what those tests read.
 */
export async function seedBigCompany(tenantId: string, domain: string, { members, groups }: { members: number; groups: number }): Promise<void> {
  const at = new Date().toISOString();
  const stamp = { createdAt: at, updatedAt: at, createdBy: 'seed', updatedBy: 'seed', version: 1 };
  const items = [
    ...Array.from({ length: members }, (_, index) =>
      teamMember.toItem({
        ...stamp,
        tenantId,
        id: randomUUID(),
        userName: `seeded.${index}@${domain}`,
        active: true,
        identifiers: [],
        attributes: { name: { givenName: 'Seeded', familyName: String(index) }, emails: [{ value: `seeded.${index}@${domain}`, primary: true, type: 'work' }] },
        resolved: { resolvedTimeZone: 'America/New_York', timeZoneSource: 'companyDefault', managerResolution: 'none', issues: [] },
        awaiting: [],
        ownership: NO_OWNERSHIP,
        effectiveVersion: 0,
        groupIds: [],
      }),
    ),
    ...Array.from({ length: groups }, (_, index) => group.toItem({ ...stamp, tenantId, id: randomUUID(), displayName: `Seeded group ${index}` })),
  ];
  await batchPut(items);
}

/**
 * Bulk-loads a big company whose items are all there and consistent (the consistency checker
 * passes on it): members with their userName and externalId markers, email edges, history and
 * import records; groups with their name markers; each member in one group (both sides of the
 * edge); the counters. For offboarding and export tests, which must find every kind of item.
 */
export async function seedConsistentCompany(tenantId: string, domain: string, { members, groups }: { members: number; groups: number }): Promise<void> {
  const at = new Date().toISOString();
  const stamp = { createdAt: at, updatedAt: at, createdBy: 'seed', updatedBy: 'seed', version: 1 };
  const groupIds = Array.from({ length: groups }, () => randomUUID());
  const items: Array<Record<string, unknown>> = [];
  groupIds.forEach((id, index) => {
    const displayName = `Seeded group ${index}`;
    items.push(group.toItem({ ...stamp, tenantId, id, displayName }), groupNameMarker.toItem({ ownerId: id }, { tenantId, displayName }));
  });
  for (let index = 0; index < members; index += 1) {
    const id = randomUUID();
    const userName = `seeded.${index}@${domain}`;
    const externalId = `ext-${index}`;
    const groupId = groupIds[index % groups]!;
    items.push(
      teamMember.toItem({
        ...stamp,
        tenantId,
        id,
        userName,
        externalId,
        active: true,
        identifiers: [`email:${userName}`],
        attributes: { name: { givenName: 'Seeded', familyName: String(index) }, emails: [{ value: userName, primary: true, type: 'work' }] },
        resolved: { resolvedTimeZone: 'America/New_York', timeZoneSource: 'companyDefault', managerResolution: 'none', issues: [] },
        awaiting: [],
        ownership: NO_OWNERSHIP,
        effectiveVersion: 0,
        groupIds: [groupId],
      }),
      userNameMarker.toItem({ ownerId: id }, { tenantId, userName }),
      userExternalIdMarker.toItem({ ownerId: id }, { tenantId, externalId }),
      identifierEdge.toItem({}, { tenantId, identifier: `email:${userName}`, userId: id }),
      membership.toItem({}, { tenantId, groupId, userId: id }),
      memberHistory.toItem({ tenantId, memberId: id, at, actor: 'seed', event: 'created', changes: [{ field: 'userName', from: null, to: userName }] }, { unique: randomUUID() }),
      importRecord.toItem({ tenantId, memberId: id, importedAt: at }),
    );
  }
  items.push(counterShard.toItem({ count: members }, { tenantId, kind: 'users', shard: 0 }), counterShard.toItem({ count: groups }, { tenantId, kind: 'groups', shard: 0 }));
  await batchPut(items);
}

async function batchPut(items: Array<Record<string, unknown>>): Promise<void> {
  const batches: Array<Record<string, unknown>[]> = [];
  for (let offset = 0; offset < items.length; offset += 25) batches.push(items.slice(offset, offset + 25).map((Item) => ({ PutRequest: { Item } })));
  const next = async (): Promise<void> => {
    let pending = batches.pop();
    while (pending?.length) {
      const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
    if (batches.length) return next();
  };
  await Promise.all(Array.from({ length: 8 }, next));
}

/**
 * Items as a table written before the tenant index existed holds them: without its keys; tokens as
 * they were stored before their index sort key named the scope (`TOKEN#<hash>`).
 */
export async function asBeforeTheTenantIndex(items: Array<{ pk: string; sk: string; type?: unknown; tokenHash?: unknown }>): Promise<void> {
  for (const item of items) {
    const update = item.type === 'Token' ? { UpdateExpression: 'SET gsi5sk = :old', ExpressionAttributeValues: { ':old': `TOKEN#${String(item.tokenHash)}` } } : { UpdateExpression: 'REMOVE gsi5pk, gsi5sk' };
    await db().send(new UpdateCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ...update }));
  }
}
