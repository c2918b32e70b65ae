import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { rateWindow } from './entities/console-sign-in.js';
import { TTL_ATTRIBUTE } from './table.js';
import { isConditionFailure } from './writes.js';

function indexAssignments(attributes: Record<string, string>) {
  const entries = Object.entries(attributes);
  return {
    set: entries.map(([name]) => `#${name} = :${name}`),
    names: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
    values: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
  };
}

/**
 * Counts one use of a limited action in a fixed window: true while the window has room, false
 * once `max` uses were counted. One conditional UpdateItem, so concurrent callers cannot overshoot.
 */
export async function takeFromWindow(tenantId: string, limit: string, window: { start: number; seconds: number }, max: number): Promise<boolean> {
  const record = { tenantId, limit, windowStart: String(window.start) };
  const index = indexAssignments(rateWindow.indexAttributes(record));
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateWindow.key(record),
        UpdateExpression: `ADD uses :one SET #ttl = if_not_exists(#ttl, :expires), #type = if_not_exists(#type, :type), ${index.set.join(', ')}`,
        ConditionExpression: 'attribute_not_exists(uses) OR uses < :max',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': TTL_ATTRIBUTE, ...index.names },
        ExpressionAttributeValues: { ':one': 1, ':max': max, ':expires': window.start + window.seconds * 2, ':type': rateWindow.type, ...index.values },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
