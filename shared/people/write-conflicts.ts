import { conflict, preconditionFailed, type RosterError } from '../errors.js';
import { UniquenessConflict, VersionConflict } from '../store/conflicts.js';

/** A member or a group, named the way error messages name it. */
export interface WrittenResource {
  kind: 'User' | 'Group';
  id: string;
  /** The values a uniqueness conflict can be about, by attribute (userName, displayName, externalId). */
  unique: Record<string, string | undefined>;
}

/**
 * Optimistic concurrency: a caller who read version N (an If-Match header, a form) may change the
 * resource only while it is still at version N.
 */
export function checkVersion(kind: WrittenResource['kind'], record: { id: string; version: number }, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== record.version) {
    throw preconditionFailed(`${kind} ${record.id} has changed since the ETag in If-Match was read (now version ${record.version}).`);
  }
}

/**
 * Runs a conditional write and says what a failed condition means: a unique value already taken
 * (409 uniqueness), or the resource changed or vanished since it was read (412).
 */
export async function writeExplainingConflicts(resource: WrittenResource, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof UniquenessConflict) {
      throw conflict(`A ${resource.kind === 'User' ? 'user' : 'group'} with ${error.attribute} "${resource.unique[error.attribute] ?? ''}" already exists.`);
    }
    if (error instanceof VersionConflict) throw concurrentChange(resource.kind, resource.id);
    throw error;
  }
}

export function concurrentChange(kind: WrittenResource['kind'], id: string): RosterError {
  return preconditionFailed(`${kind} ${id} was changed or deleted by another request at the same time; read it again and retry.`);
}
