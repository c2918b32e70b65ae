import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { importRecord, type ImportRecord } from './entities/import-record.js';
import type { TransactItem } from './transactions.js';
import { conditionalUpdate, getItem, isConditionFailure } from './writes.js';

export type { ImportRecord } from './entities/import-record.js';

export async function getImportRecord(tenantId: string, memberId: string): Promise<ImportRecord | undefined> {
  const item = await getItem(importRecord.key({ tenantId, memberId }), { consistent: true });
  return item ? importRecord.fromItem(item) : undefined;
}

/**
 * Records an import nobody is notified of, with the rule that says why (`outcome`); false if the
 * member had been imported before.
 */
export async function recordImport(tenantId: string, memberId: string, at: string, outcome: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importRecord.key({ tenantId, memberId }),
        UpdateExpression: 'SET #type = :type, tenantId = :tenantId, memberId = :memberId, importedAt = :at, outcome = :outcome, outcomeAt = :at',
        ConditionExpression: 'attribute_not_exists(importedAt)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': importRecord.type, ':tenantId': tenantId, ':memberId': memberId, ':at': at, ':outcome': outcome },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A new reason why an import recorded earlier is still told to nobody; false if it was queued meanwhile (or never recorded). */
export function recordNotQueued(tenantId: string, memberId: string, outcome: string, at: string): Promise<boolean> {
  return conditionalUpdate({
    Key: importRecord.key({ tenantId, memberId }),
    UpdateExpression: 'SET outcome = :outcome, outcomeAt = :at',
    ConditionExpression: 'attribute_exists(importedAt) AND attribute_not_exists(queuedAt) AND (attribute_not_exists(outcome) OR outcome <> :outcome)',
    ExpressionAttributeValues: { ':outcome': outcome, ':at': at },
  });
}

/**
 * The import record's half of queueing a notification, for the same transaction as the digest.
 * `firstImport` fails if the member was imported before (a repeated record, or a reactivation);
 * `lateLink` fails if a notification was already queued for this member, to whichever manager.
 * Either failure is a VersionConflict.
 */
export function importQueuedUpdate(
  tenantId: string,
  memberId: string,
  managerId: string,
  at: string,
  dueAt: string,
  mode: 'firstImport' | 'lateLink',
): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: importRecord.key({ tenantId, memberId }),
      UpdateExpression:
        'SET #type = :type, tenantId = :tenantId, memberId = :memberId, queuedAt = :at, managerId = :managerId, dueAt = :dueAt, ' +
        (mode === 'firstImport' ? 'importedAt = :at' : 'importedAt = if_not_exists(importedAt, :at)') +
        // A late link queues what was recorded untold: the reason it was not queued no longer holds.
        ' REMOVE outcome, outcomeAt',
      ConditionExpression: mode === 'firstImport' ? 'attribute_not_exists(importedAt)' : 'attribute_not_exists(queuedAt)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': importRecord.type, ':tenantId': tenantId, ':memberId': memberId, ':managerId': managerId, ':at': at, ':dueAt': dueAt },
    },
    conflict: { changed: 'The import record' },
  };
}

const OUTCOME_WRITES_AT_ONCE = 10;

/**
 * Writes down what became of queued notifications (after the digest is done, for support and
 * audit): the digest, not this, is what keeps an email from going twice.
 */
export async function recordOutcomes(
  tenantId: string,
  outcomes: Array<{ memberId: string; outcome: string }>,
  at: string,
  messageId?: string,
): Promise<void> {
  const pending = [...outcomes];
  const write = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: importRecord.key({ tenantId, memberId: next.memberId }),
          UpdateExpression: `SET outcome = :outcome, outcomeAt = :at${next.outcome === 'sent' && messageId ? ', messageId = :messageId' : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':outcome': next.outcome,
            ':at': at,
            ...(next.outcome === 'sent' && messageId ? { ':messageId': messageId } : {}),
          },
        }),
      ).catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(OUTCOME_WRITES_AT_ONCE, outcomes.length) }, write));
}
