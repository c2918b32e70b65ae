import { mutability } from '../../errors.js';
import { deepEqual, isPresent } from '../json.js';
import type { AttributeDefinition } from '../schema/types.js';

/**
 * RFC 7644 section 3.5.2: readOnly attributes cannot be modified; immutable ones can be set when
 * unassigned but not changed or removed. `next` undefined means removal. Writing the current
 * value again is not a modification (Okta echoes the group id in every rename).
 */
export function assertModifiable(definition: AttributeDefinition, label: string, current: unknown, next: unknown): void {
  if (next !== undefined && deepEqual(current, next)) return;
  if (definition.mutability === 'readOnly') throw mutability(`${label} is read-only.`);
  if (definition.mutability === 'immutable' && isPresent(current)) {
    throw mutability(`${label} is immutable: it can be set when empty but not changed or removed.`);
  }
}
