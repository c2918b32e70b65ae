import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NO_OWNERSHIP } from '../profile/field-ownership.js';
import { db, tableName } from './client.js';
import { memberHistory } from './entities/member-history.js';
import { teamMember, type ResolvedProfile, type TeamMemberRecord } from './entities/team-member.js';
import { queryAll } from './query-all.js';
import { VersionConflict } from './conflicts.js';

/** What a history value becomes: the fact that a field changed stays, the values do not. */
export const ERASED_VALUE = '[erased]';

const NEUTRAL_PROFILE: ResolvedProfile = { resolvedTimeZone: 'UTC', timeZoneSource: 'companyDefault', managerResolution: 'none', issues: [] };

/**
 * Erases the personal values of a hidden member (hide it first: that releases its markers and
 * edges and leaves its groups and the counters): the item keeps its id, dates and settings, its
 * userName becomes `erased:<id>`, and its attributes, identifiers, resolved profile, externalId and
 * manager link go; every history entry keeps which field changed, when and by whom, with both
 * values replaced by "[erased]".
 */
export async function eraseHiddenMember(previous: TeamMemberRecord, at: string, by: string): Promise<void> {
  const { tenantId, id } = previous;
  const update = teamMember.update(
    {
      userName: `erased:${id}`,
      attributes: { active: false },
      identifiers: [],
      awaiting: [],
      resolved: NEUTRAL_PROFILE,
      ownership: NO_OWNERSHIP,
      externalId: undefined,
      managerId: undefined,
      erasedAt: at,
      updatedAt: at,
      updatedBy: by,
      version: previous.version + 1,
    },
    ['userName', 'attributes', 'identifiers', 'awaiting', 'resolved', 'ownership', 'externalId', 'managerId', 'erasedAt', 'updatedAt', 'updatedBy', 'version'],
  );
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: teamMember.key(previous),
        UpdateExpression: [`SET ${update.set.join(', ')}`, `REMOVE ${update.remove.join(', ')}`].join(' '),
        ConditionExpression: 'version = :expected AND attribute_exists(deletedAt)',
        ExpressionAttributeNames: update.names,
        ExpressionAttributeValues: { ...update.values, ':expected': previous.version },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new VersionConflict('The team member');
    throw error;
  }

  await redactMemberHistory(tenantId, id);
}

/** Every history entry of a member keeps which field changed, when and by whom; both values become "[erased]". */
export async function redactMemberHistory(tenantId: string, id: string): Promise<void> {
  const entries = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': memberHistory.partition({ tenantId, memberId: id }) } });
  const redacted = entries.map((item) => {
    const entry = memberHistory.fromItem(item);
    const changes = entry.changes.map(({ field }) => ({ field, from: ERASED_VALUE, to: ERASED_VALUE }));
    return { ...item, changes };
  });
  for (let offset = 0; offset < redacted.length; offset += 25) {
    let batch: Array<Record<string, unknown>> = redacted.slice(offset, offset + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; batch.length; attempt += 1) {
      if (attempt) await new Promise((resume) => setTimeout(resume, Math.min(2_000, 50 * 2 ** attempt)));
      const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: batch as never } }));
      batch = (UnprocessedItems?.[tableName()] ?? []) as Array<Record<string, unknown>>;
    }
  }
}
