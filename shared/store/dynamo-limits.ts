import { RosterError } from '../errors.js';
import type { Key } from './table.js';

/** DynamoDB's limits on key values, in UTF-8 bytes (table and index keys alike). */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
/** DynamoDB stores items of up to 400 KB; a record's JSON over this leaves room for keys and names. */
const MAX_RECORD_JSON_BYTES = 350 * 1024;

/**
 * False when no item can have this partition key: DynamoDB refuses a longer key with a
 * ValidationException instead of finding nothing, so a lookup by a client's oversized value
 * (a 3,000-character id or filter value) answers "nothing" here rather than failing.
 */
export function partitionCanExist(partition: string): boolean {
  return partition !== '' && Buffer.byteLength(partition, 'utf8') <= MAX_PARTITION_KEY_BYTES;
}

export function keyCanExist(key: Key): boolean {
  return partitionCanExist(key.pk) && key.sk !== '' && Buffer.byteLength(key.sk, 'utf8') <= MAX_SORT_KEY_BYTES;
}

/**
 * Refuses (413) a record too large for one item, before DynamoDB would refuse the write with a
 * ValidationException: each attribute is within its own limit, but 50 addresses of 1,024
 * three-byte characters each are not.
 */
export function assertStorable(record: object, what: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(record), 'utf8');
  if (bytes > MAX_RECORD_JSON_BYTES) {
    throw new RosterError(413, `The ${what} is too large to store: ${Math.ceil(bytes / 1024)} KB of attributes, at most ${MAX_RECORD_JSON_BYTES / 1024} KB.`);
  }
}
