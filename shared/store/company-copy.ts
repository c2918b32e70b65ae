import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import { companyItemSteps, companyMemberPages } from './company-items.js';
import { tenantIndexPages } from './tenant-index.js';
import { assignment, seatType, workspace } from './entities/config-items.js';
import { counterShard } from './entities/counter-shard.js';
import { awaitingEdgeItem, identifierEdge } from './entities/edges.js';
import { group, type GroupRecord } from './entities/group.js';
import { importRecord, type ImportRecord } from './entities/import-record.js';
import { membership } from './entities/membership.js';
import { teamMember, type TeamMemberRecord } from './entities/team-member.js';
import { tenantSettings, type TenantRecord } from './entities/tenant-settings.js';
import { groupExternalIdMarker, groupNameMarker, userExternalIdMarker, userNameMarker } from './entities/unique-markers.js';
import { queryAll } from './query-all.js';
import { INDEXES } from './table.js';

/**
 * A company as JSON Lines, one record a line, without its tenant id (so it can be imported under
 * another one): its settings, configuration (seat types, workspaces, assignments), groups, team
 * members (hidden ones too, with their import record, so a restore emails no manager again) and
 * memberships. Tokens, sessions, connections, history and digests are not in it: a restored
 * company gets new tokens from the operator.
 */
export type ExportLine =
  | { kind: 'company'; record: Omit<TenantRecord, 'tenantId'> }
  | { kind: 'seatType' | 'workspace' | 'assignment'; record: Record<string, unknown> }
  | { kind: 'group'; record: Omit<GroupRecord, 'tenantId'> }
  | { kind: 'member'; record: Omit<TeamMemberRecord, 'tenantId'>; imported?: Omit<ImportRecord, 'tenantId' | 'memberId'> }
  | { kind: 'membership'; groupId: string; memberId: string };

const CONFIG = { seatType, workspace, assignment } as const;

/** Reads the company page by page and hands each line to `write` (never the whole company in memory). */
export async function exportCompanyLines(tenantId: string, write: (line: ExportLine) => Promise<void>): Promise<number> {
  let lines = 0;
  const emit = async (line: ExportLine) => {
    lines += 1;
    await write(line);
  };
  const settings = await batchGet([tenantSettings.key({ tenantId })]);
  if (!settings[0]) return 0;
  const { tenantId: _omitted, ...company } = tenantSettings.fromItem(settings[0]);
  await emit({ kind: 'company', record: { ...company, suspendedAt: undefined, suspendedReason: undefined } as Omit<TenantRecord, 'tenantId'> });

  const config = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': seatType.partition({ tenantId }) }, ConsistentRead: true });
  for (const item of config) {
    for (const [kind, entity] of Object.entries(CONFIG) as Array<[keyof typeof CONFIG, (typeof CONFIG)[keyof typeof CONFIG]]>) {
      if (entity.is(item)) await emit({ kind, record: entity.fromItem(item) as unknown as Record<string, unknown> });
    }
  }

  for await (const keys of tenantIndexPages(tenantId, 100, group.indexSortPrefix('tenant'))) {
    const groups = (await batchGet(keys)).map((item) => group.fromItem(item)).sort(byId);
    for (const { tenantId: _tenant, ...record } of groups) await emit({ kind: 'group', record });
  }
  const memberships: Array<{ groupId: string; memberId: string }> = [];
  for await (const page of companyMemberPages(tenantId)) {
    const members = page.sort(byId);
    const imports = new Map(
      (await batchGet(members.map((member) => importRecord.key({ tenantId, memberId: member.id })))).map((item) => {
        const { tenantId: _tenant, memberId, ...rest } = importRecord.fromItem(item);
        return [memberId, rest];
      }),
    );
    for (const { tenantId: _tenant, ...record } of members) {
      const imported = imports.get(record.id);
      await emit({ kind: 'member', record, ...(imported ? { imported } : {}) });
      for (const groupId of record.groupIds) memberships.push({ groupId, memberId: record.id });
    }
  }
  // The user side (groupIds) and the group side (edges) agree; the lines say it from the edges' side.
  memberships.sort((a, b) => a.groupId.localeCompare(b.groupId) || a.memberId.localeCompare(b.memberId));
  for (const edge of memberships) await emit({ kind: 'membership', ...edge });
  return lines;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

export class CompanyNotEmpty extends Error {}

/** A hidden member's item as hiding leaves it: out of every request-path index, still in the tenant index. */
function hiddenMemberItem(record: TeamMemberRecord): Record<string, unknown> {
  const item = teamMember.toItem(record);
  for (const index of Object.values(INDEXES)) {
    if (index === INDEXES.tenant) continue;
    delete item[index.partition];
    delete item[index.sort];
  }
  return item;
}

/**
 * Writes exported lines into a company that has nothing stored yet (a restore drill, or a move to
 * another table): the records as they were, with the markers, edges and counters derived from them.
 * Lines are written as they come, 25 items a batch; a company line must come first.
 */
export async function importCompanyLines(tenantId: string, lines: AsyncIterable<ExportLine>, onProgress?: (written: number) => void): Promise<{ members: number; groups: number }> {
  for await (const step of companyItemSteps(tenantId)) {
    if (step.length) throw new CompanyNotEmpty(`${tenantId} already has stored items (${step[0]!.type} among them): import only into a company that has nothing stored; delete it first.`);
  }
  const pending: Array<Record<string, unknown>> = [];
  let written = 0;
  const counts = { members: 0, groups: 0 };
  const flush = async (all = false) => {
    while (pending.length >= 25 || (all && pending.length)) {
      let batch: Array<Record<string, unknown>> = pending.splice(0, 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; batch.length; attempt += 1) {
        if (attempt) await new Promise((resume) => setTimeout(resume, Math.min(5_000, 50 * 2 ** attempt)));
        const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: batch as never } }));
        batch = (UnprocessedItems?.[tableName()] ?? []) as Array<Record<string, unknown>>;
      }
      written += 25;
      onProgress?.(written);
    }
  };
  let settings: Record<string, unknown> | undefined;
  for await (const line of lines) {
    switch (line.kind) {
      case 'company':
        // Written last, so a company half imported is not yet a company anyone can use.
        settings = tenantSettings.toItem({ ...line.record, tenantId });
        break;
      case 'seatType':
      case 'workspace':
      case 'assignment':
        pending.push(CONFIG[line.kind].toItem(line.record as never, { tenantId } as never));
        break;
      case 'group': {
        const record = { ...line.record, tenantId };
        counts.groups += 1;
        pending.push(
          group.toItem(record),
          groupNameMarker.toItem({ ownerId: record.id }, { tenantId, displayName: record.displayName }),
          ...(record.externalId ? [groupExternalIdMarker.toItem({ ownerId: record.id }, { tenantId, externalId: record.externalId })] : []),
        );
        break;
      }
      case 'member': {
        const record = { ...line.record, tenantId };
        if (!record.deletedAt) counts.members += 1;
        pending.push(
          ...(line.imported ? [importRecord.toItem({ ...line.imported, tenantId, memberId: record.id })] : []),
          record.deletedAt ? hiddenMemberItem(record) : teamMember.toItem(record),
          ...(record.deletedAt
            ? []
            : [
                userNameMarker.toItem({ ownerId: record.id }, { tenantId, userName: record.userName }),
                ...(record.externalId ? [userExternalIdMarker.toItem({ ownerId: record.id }, { tenantId, externalId: record.externalId })] : []),
                ...record.identifiers.map((identifier) => identifierEdge.toItem({}, { tenantId, identifier, userId: record.id })),
                ...record.awaiting.map((identifier) => awaitingEdgeItem(tenantId, identifier, record.id)),
              ]),
        );
        break;
      }
      case 'membership':
        pending.push(membership.toItem({}, { tenantId, groupId: line.groupId, userId: line.memberId }));
        break;
    }
    await flush();
  }
  if (!settings) throw new Error('The file has no company line: is it an export of "companies export"?');
  pending.push(
    counterShard.toItem({ count: counts.members }, { tenantId, kind: 'users', shard: 0 }),
    counterShard.toItem({ count: counts.groups }, { tenantId, kind: 'groups', shard: 0 }),
    settings,
  );
  await flush(true);
  return counts;
}
