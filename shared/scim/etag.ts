import { preconditionFailed } from '../errors.js';

/** meta.version and the ETag header: a weak ETag of the resource's version counter. */
export const etagOf = (version: number): string => `W/"${version}"`;

/**
 * The version an If-Match header demands, undefined when absent or `*` (any existing version).
 * An ETag that is not one of ours can never match: 412.
 */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (!ifMatch || ifMatch.trim() === '*') return undefined;
  const versions = ifMatch.split(',').map((tag) => /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(tag)?.[1]);
  const first = versions.find((version) => version !== undefined);
  if (first === undefined || versions.length > 1) {
    throw preconditionFailed('If-Match must be a single ETag previously returned by this server.');
  }
  return Number(first);
}

/** True when If-None-Match names the current version (GET answers 304). */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, version: number): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === `"${version}"`);
}
