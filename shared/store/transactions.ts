import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class ConditionFailed extends Error {
  /** Index of each item whose condition failed. */
  constructor(readonly failedIndexes: number[]) {
    super(`Transaction condition failed at ${failedIndexes.join(', ')}`);
    this.name = 'ConditionFailed';
  }
}

const MAX_CONFLICT_RETRIES = 4;

/**
 * One TransactWriteItems request. A cancelled transaction becomes ConditionFailed with the
 * indexes of the failed conditions; a TransactionConflict (another transaction touched the same
 * item, e.g. a counter shard) is retried with jitter, since nothing was written.
 */
export async function transactWrite(items: TransactItem[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
      if ((error as Error).name !== 'TransactionCanceledException' || !reasons) throw error;
      const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
      if (failed.length) throw new ConditionFailed(failed);
      const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflict || attempt >= MAX_CONFLICT_RETRIES) throw error;
      await new Promise((done) => setTimeout(done, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

export type { TransactItem };
