import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../../shared/scim/patch/apply.js';
import { changedAttributes } from '../../../../shared/scim/patch/changed-attributes.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { errorOf, patchBody, sampleGroup, sampleUser } from '../support.js';

// The request shapes Okta sends, from reference/okta-scim-client.md.
describe('Okta user PATCHes', () => {
  it('deactivates with a path-less replace of active, touching nothing else', () => {
    const user = sampleUser();
    const patched = applyPatch(user, patchBody({ op: 'replace', value: { active: false } }), USER_RESOURCE_SCHEMA);
    expect(patched).toEqual({ ...user, active: false });
    expect(changedAttributes(user, patched, USER_RESOURCE_SCHEMA)).toEqual(['active']);
  });

  it('reactivates the same way and keeps the id', () => {
    const inactive = { ...sampleUser(), active: false };
    const patched = applyPatch(inactive, patchBody({ op: 'replace', value: { active: true } }), USER_RESOURCE_SCHEMA);
    expect(patched).toMatchObject({ id: 'u-1', active: true });
    expect(changedAttributes(inactive, patched, USER_RESOURCE_SCHEMA)).toEqual(['active']);
  });
});

describe('Okta group PATCHes', () => {
  it('applies a remove-then-add membership change in one request', () => {
    const group = sampleGroup();
    const patched = applyPatch(
      group,
      patchBody(
        { op: 'remove', path: 'members[value eq "u-1"]' },
        { op: 'add', path: 'members', value: [{ value: 'u-3', display: 'ann@example.com' }] },
      ),
      GROUP_RESOURCE_SCHEMA,
    );
    expect(patched.members).toEqual([
      { value: 'u-2', display: 'john.roe@example.com' },
      { value: 'u-3', display: 'ann@example.com' },
    ]);
    expect(changedAttributes(group, patched, GROUP_RESOURCE_SCHEMA)).toEqual(['members']);
  });

  it('removes and re-adds the same member without duplicating it', () => {
    const patched = applyPatch(
      sampleGroup(),
      patchBody(
        { op: 'remove', path: 'members[value eq "u-1"]' },
        { op: 'add', path: 'members', value: [{ value: 'u-1', display: 'jane.doe@example.com' }] },
      ),
      GROUP_RESOURCE_SCHEMA,
    );
    expect((patched.members as unknown[]).filter((member) => (member as { value: string }).value === 'u-1')).toHaveLength(1);
  });

  it('treats adding an existing member as a no-op, even with another display', () => {
    const group = sampleGroup();
    const patched = applyPatch(
      group,
      patchBody({ op: 'add', path: 'members', value: [{ value: 'u-1', display: 'someone-else@example.com' }] }),
      GROUP_RESOURCE_SCHEMA,
    );
    expect(patched).toEqual(group);
    expect(changedAttributes(group, patched, GROUP_RESOURCE_SCHEMA)).toEqual([]);
  });

  it('treats removing a non-member as a no-op', () => {
    const group = sampleGroup();
    expect(applyPatch(group, patchBody({ op: 'remove', path: 'members[value eq "u-9"]' }), GROUP_RESOURCE_SCHEMA)).toEqual(group);
  });

  it('adds the first members to a group without any', () => {
    const { members: _members, ...empty } = sampleGroup();
    const patched = applyPatch(empty, patchBody({ op: 'add', path: 'members', value: [{ value: 'u-1' }, { value: 'u-2' }] }), GROUP_RESOURCE_SCHEMA);
    expect(patched.members).toEqual([{ value: 'u-1' }, { value: 'u-2' }]);
  });

  it('replaces the whole member list on "push now"', () => {
    const patched = applyPatch(
      sampleGroup(),
      patchBody({ op: 'replace', path: 'members', value: [{ value: 'u-2' }, { value: 'u-5', display: 'e@example.com' }] }),
      GROUP_RESOURCE_SCHEMA,
    );
    expect(patched.members).toEqual([{ value: 'u-2' }, { value: 'u-5', display: 'e@example.com' }]);
  });

  it('empties the group on "push now" of an empty list', () => {
    const patched = applyPatch(sampleGroup(), patchBody({ op: 'replace', path: 'members', value: [] }), GROUP_RESOURCE_SCHEMA);
    expect(patched.members).toBeUndefined();
    expect(patched).toMatchObject({ id: 'g-1', displayName: 'Sales' });
  });

  it('renames with a path-less replace that echoes the group id', () => {
    const group = sampleGroup();
    const patched = applyPatch(group, patchBody({ op: 'replace', value: { id: 'g-1', displayName: 'Sales EMEA' } }), GROUP_RESOURCE_SCHEMA);
    expect(patched).toEqual({ ...group, displayName: 'Sales EMEA' });
    expect(changedAttributes(group, patched, GROUP_RESOURCE_SCHEMA)).toEqual(['displayName']);
  });

  it('accepts the rename Okta sends with every membership update, even when the name is unchanged', () => {
    const group = sampleGroup();
    const patched = applyPatch(
      group,
      patchBody(
        { op: 'replace', value: { id: 'g-1', displayName: 'Sales' } },
        { op: 'add', path: 'members', value: [{ value: 'u-3' }] },
      ),
      GROUP_RESOURCE_SCHEMA,
    );
    expect(changedAttributes(group, patched, GROUP_RESOURCE_SCHEMA)).toEqual(['members']);
  });

  it('refuses a rename carrying another id', () => {
    const error = errorOf(() =>
      applyPatch(sampleGroup(), patchBody({ op: 'replace', value: { id: 'g-2', displayName: 'Sales EMEA' } }), GROUP_RESOURCE_SCHEMA),
    );
    expect(error).toMatchObject({ status: 400, scimType: 'mutability' });
    expect(error.detail).toContain('id is read-only');
  });
});
