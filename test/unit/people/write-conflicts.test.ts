import { describe, expect, it } from 'vitest';
import { RosterError } from '../../../shared/errors.js';
import { checkVersion, writeExplainingConflicts } from '../../../shared/people/write-conflicts.js';
import { UniquenessConflict, VersionConflict } from '../../../shared/store/conflicts.js';

const group = { kind: 'Group' as const, id: 'g-1', unique: { displayName: 'Sales', externalId: 'okta-1' } };
const failing = (error: Error) => () => Promise.reject(error);

describe('checkVersion', () => {
  it('passes when no version is expected or the expected one is current', () => {
    expect(() => checkVersion('User', { id: 'u-1', version: 3 }, undefined)).not.toThrow();
    expect(() => checkVersion('User', { id: 'u-1', version: 3 }, 3)).not.toThrow();
  });

  it('refuses a stale version with 412, naming the current one', () => {
    expect(() => checkVersion('User', { id: 'u-1', version: 4 }, 3)).toThrow(
      expect.objectContaining({ status: 412, message: expect.stringContaining('now version 4') }),
    );
  });
});

describe('writeExplainingConflicts', () => {
  it('turns a taken unique value into 409 uniqueness naming the value', async () => {
    const error = await writeExplainingConflicts(group, failing(new UniquenessConflict('displayName'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RosterError);
    expect(error).toMatchObject({ status: 409, scimType: 'uniqueness', message: 'A group with displayName "Sales" already exists.' });
  });

  it('turns a failed version condition into 412', async () => {
    await expect(writeExplainingConflicts(group, failing(new VersionConflict()))).rejects.toMatchObject({ status: 412 });
  });

  it('lets other errors through unchanged', async () => {
    const other = new Error('network');
    await expect(writeExplainingConflicts(group, failing(other))).rejects.toBe(other);
  });
});
