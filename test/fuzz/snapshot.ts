import { tenantItems, type StoredItem } from '../support/table-scan.js';

/**
 * A company's stored items, minus what a failed or read-only request may legitimately write:
 * paging checkpoints (a GET leaves one every 1,000 items of a list) and a connection's lastUsedAt.
 */
export async function tenantSnapshot(tenantId: string): Promise<StoredItem[]> {
  return (await tenantItems(tenantId))
    .filter((item) => !item.pk.endsWith('#PAGE'))
    .map(({ lastUsedAt: _lastUsedAt, ...item }) => item as StoredItem);
}

/** The differences between two snapshots, one line per added, removed or changed item. */
export function snapshotDifferences(before: StoredItem[], after: StoredItem[]): string[] {
  const keyOf = (item: StoredItem) => `${item.pk} | ${item.sk}`;
  const text = (item: StoredItem) => JSON.stringify(item, (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value));
  const was = new Map(before.map((item) => [keyOf(item), text(item)]));
  const is = new Map(after.map((item) => [keyOf(item), text(item)]));
  return [
    ...[...was.keys()].filter((key) => !is.has(key)).map((key) => `removed ${key}`),
    ...[...is.keys()].filter((key) => !was.has(key)).map((key) => `added ${key}: ${is.get(key)!.slice(0, 300)}`),
    ...[...is.keys()].filter((key) => was.has(key) && was.get(key) !== is.get(key)).map((key) => `changed ${key}: ${was.get(key)!.slice(0, 300)} → ${is.get(key)!.slice(0, 300)}`),
  ];
}
