import { describe, expect, it } from 'vitest';
import { conflictError, SeatsExhausted, UniquenessConflict, VersionConflict } from '../../../shared/store/conflicts.js';

describe('conflictError', () => {
  it('names a taken unique value first, whatever else failed', () => {
    const error = conflictError([{ changed: 'The group' }, { unique: 'displayName' }, { unique: 'externalId' }]);
    expect(error).toBeInstanceOf(UniquenessConflict);
    expect((error as UniquenessConflict).attribute).toBe('displayName');
  });

  it('names every exhausted seat type at once', () => {
    const error = conflictError([{ seat: 'pro' }, { changed: 'The team member' }, { seat: 'basic' }]);
    expect(error).toBeInstanceOf(SeatsExhausted);
    expect((error as SeatsExhausted).seatTypeIds).toEqual(['pro', 'basic']);
  });

  it('is a change of what changed otherwise', () => {
    const error = conflictError([{ changed: 'The team member' }]);
    expect(error).toBeInstanceOf(VersionConflict);
    expect(error.message).toBe('The team member changed or no longer exists');
  });
});
