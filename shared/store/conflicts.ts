/** A unique value (userName, a group's displayName, an externalId) is already claimed by another resource. */
export class UniquenessConflict<Attribute extends string = string> extends Error {
  constructor(readonly attribute: Attribute) {
    super(`${attribute} already in use`);
    this.name = 'UniquenessConflict';
  }
}

/** The resource changed (or disappeared) since it was read: a conditional write did not hold. */
export class VersionConflict extends Error {
  constructor(what = 'The resource') {
    super(`${what} changed or no longer exists`);
    this.name = 'VersionConflict';
  }
}

/** A seat type ran out: taking one of these seats failed its `inUse < total` condition. */
export class SeatsExhausted extends Error {
  constructor(readonly seatTypeIds: string[]) {
    super(`No seats left: ${seatTypeIds.join(', ')}`);
    this.name = 'SeatsExhausted';
  }
}

/**
 * What a failed condition of one transaction item means: a unique value is taken, a seat type
 * ran out, or something changed since it was read (`changed` names it: "The team member").
 */
export type Conflict = { unique: string } | { seat: string } | { changed: string };

/**
 * The error for the conflicts of the failed items: a taken unique value first (it is what the
 * client can fix), then every exhausted seat type at once, then the change.
 */
export function conflictError(conflicts: Conflict[]): Error {
  const unique = conflicts.find((conflict) => 'unique' in conflict);
  if (unique) return new UniquenessConflict(unique.unique);
  const seats = conflicts.flatMap((conflict) => ('seat' in conflict ? [conflict.seat] : []));
  if (seats.length) return new SeatsExhausted(seats);
  const changed = conflicts.find((conflict) => 'changed' in conflict);
  return new VersionConflict(changed?.changed);
}
