import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure } from './item.js';
import { consoleKeys } from './keys.js';

/**
 * Counts one use of a limited action in a fixed window: true while the window has room, false
 * once `limit` uses were counted. One conditional UpdateItem, so concurrent callers cannot overshoot.
 */
export async function takeFromWindow(tenantId: string, limit: string, window: { start: number; seconds: number }, max: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: consoleKeys.rateWindow(tenantId, limit, String(window.start)),
        UpdateExpression: 'ADD uses :one SET expiresAt = if_not_exists(expiresAt, :expires), #type = if_not_exists(#type, :type)',
        ConditionExpression: 'attribute_not_exists(uses) OR uses < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':max': max, ':expires': window.start + window.seconds * 2, ':type': 'RateWindow' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
