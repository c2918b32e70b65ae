import { defineEntity } from '../entity.js';

export type ResourceKind = 'users' | 'groups';

/** One shard of a tenant's resource count (written only by ADD). */
export interface CounterShardRecord {
  count: number;
}

export const counterShard = defineEntity<CounterShardRecord>()({
  type: 'Counter',
  key: { pk: 'T#{tenantId}#COUNT', sk: '{kind}#{shard}' },
  attributes: { count: 'number' },
});
