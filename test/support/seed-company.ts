import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { NO_OWNERSHIP } from '../../shared/profile/field-ownership.js';
import { db, tableName } from '../../shared/store/client.js';
import { group } from '../../shared/store/entities/group.js';
import { teamMember } from '../../shared/store/entities/team-member.js';

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
