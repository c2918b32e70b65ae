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
