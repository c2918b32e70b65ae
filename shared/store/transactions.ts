import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { conflictError, type Conflict } from './conflicts.js';

/** One item of a transaction, tagged with the conflict its condition raises when it fails. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number] & { conflict?: Conflict };

/** Failed conditions of items that raise no conflict (nothing a caller expects to fail). */
export class ConditionFailed extends Error {
  /** Index of each item whose condition failed. */
  constructor(readonly failedIndexes: number[]) {
    super(`Transaction condition failed at ${failedIndexes.join(', ')}`);
    this.name = 'ConditionFailed';
  }
}

/** DynamoDB's limit on the items of one TransactWriteItems request. */
export const MAX_TRANSACTION_ITEMS = 100;

const MAX_CONFLICT_RETRIES = 4;

/**
 * One TransactWriteItems request. When conditions fail, the failed items' tags say what that
 * means and it is thrown as the typed error (UniquenessConflict, SeatsExhausted, VersionConflict;
 * see conflictError); untagged items raise `otherwise`, or ConditionFailed when none is given.
 * A TransactionConflict (another transaction touched the same item, e.g. a counter shard) is
 * retried with jitter, since nothing was written.
 */
export async function transactWrite(items: TransactItem[], otherwise?: Conflict): Promise<void> {
  const request = items.map(({ conflict: _conflict, ...item }) => item);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: request }));
      return;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
      if ((error as Error).name !== 'TransactionCanceledException' || !reasons) throw error;
      const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
      if (failed.length) throw failure(items, failed, otherwise);
      const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflict || attempt >= MAX_CONFLICT_RETRIES) throw error;
      await new Promise((done) => setTimeout(done, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

function failure(items: TransactItem[], failedIndexes: number[], otherwise: Conflict | undefined): Error {
  const conflicts = failedIndexes.flatMap((index) => {
    const conflict = items[index]?.conflict ?? otherwise;
    return conflict ? [conflict] : [];
  });
  return conflicts.length ? conflictError(conflicts) : new ConditionFailed(failedIndexes);
}
