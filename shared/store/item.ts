/** A stored item without its key and type attributes: the record the domain sees. */
export function recordOf<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, type: _type, ...record } = item;
  return record as T;
}

/** DynamoDB reports a failed condition by this error name, on single writes. */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
