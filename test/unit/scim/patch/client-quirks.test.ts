import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../../shared/scim/patch/apply.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { errorOf, patchBody, sampleGroup, sampleUser } from '../support.js';

const patchUser = (...operations: unknown[]) => applyPatch(sampleUser(), patchBody(...operations), USER_RESOURCE_SCHEMA);

// Shapes from Microsoft Entra ID and other clients, listed in reference/okta-scim-client.md.
describe('client quirks', () => {
  it.each(['Replace', 'REPLACE', 'Add', 'add'])('accepts op %s', (op) => {
    expect(patchUser({ op, path: 'title', value: 'CTO' }).title).toBe('CTO');
  });

  it.each<[unknown, boolean]>([
    ['False', false],
    ['false', false],
    ['TRUE', true],
    ['True', true],
  ])('coerces active %j to a boolean', (value, active) => {
    expect(patchUser({ op: 'Replace', path: 'active', value }).active).toBe(active);
    expect(patchUser({ op: 'Replace', value: { active: value } }).active).toBe(active);
  });

  it('coerces boolean strings in sub-attributes too', () => {
    const patched = patchUser({ op: 'replace', path: 'emails[type eq "home"].primary', value: 'True' });
    expect(patched.emails).toEqual([
      { value: 'jane.doe@example.com', type: 'work', primary: false },
      { value: 'jane@home.example', type: 'home', primary: true },
    ]);
  });

  it('rejects a string that is no boolean', () => {
    const error = errorOf(() => patchUser({ op: 'replace', value: { active: 'nope' } }));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(error.detail).toContain('active must be a boolean');
  });

  it('reads dotted keys of a path-less value as attribute paths', () => {
    const patched = patchUser({ op: 'replace', value: { 'name.givenName': 'Janet', 'NAME.familyName': 'Dough' } });
    expect(patched.name).toEqual({ givenName: 'Janet', familyName: 'Dough' });
  });

  it('reads URN-qualified keys of a path-less value', () => {
    const patched = patchUser({
      op: 'Add',
      value: { [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`]: '43', [`${ENTERPRISE_USER_SCHEMA}:manager.value`]: 'u-7' },
    });
    expect(patched[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: '43', manager: { value: 'u-7', displayName: 'Boss' } });
  });

  it('reads an extension URN key as an object of extension attributes', () => {
    const patched = patchUser({
      op: 'replace',
      value: { displayName: 'J. Doe', [ROSTER_USER_SCHEMA]: { managerEmail: 'boss@example.com', stateOrProvince: 'IDF' } },
    });
    expect(patched.displayName).toBe('J. Doe');
    expect(patched[ROSTER_USER_SCHEMA]).toMatchObject({ country: 'FR', managerEmail: 'boss@example.com', stateOrProvince: 'IDF' });
  });

  it('removes members listed in the value of a remove on "members"', () => {
    const patched = applyPatch(
      sampleGroup(),
      patchBody({ op: 'remove', path: 'members', value: [{ value: 'u-1' }, { value: 'u-404' }] }),
      GROUP_RESOURCE_SCHEMA,
    );
    expect(patched.members).toEqual([{ value: 'u-2', display: 'john.roe@example.com' }]);
  });

  it('creates the element when adding emails[type eq "work"].value to a user without a work email', () => {
    const user = { ...sampleUser(), emails: [{ value: 'jane@home.example', type: 'home' }] };
    const patched = applyPatch(user, patchBody({ op: 'Add', path: 'emails[type eq "work"].value', value: 'jane@work.example' }), USER_RESOURCE_SCHEMA);
    expect(patched.emails).toEqual([
      { value: 'jane@home.example', type: 'home' },
      { type: 'work', value: 'jane@work.example' },
    ]);
  });

  it('creates the attribute when the user has no emails at all', () => {
    const { emails: _emails, ...user } = sampleUser();
    const patched = applyPatch(user, patchBody({ op: 'add', path: 'emails[type eq "work"].value', value: 'j@work.example' }), USER_RESOURCE_SCHEMA);
    expect(patched.emails).toEqual([{ type: 'work', value: 'j@work.example' }]);
  });

  it('updates the existing element when there is one', () => {
    const patched = patchUser({ op: 'add', path: 'emails[type eq "work"].value', value: 'new@example.com' });
    expect(patched.emails).toEqual([
      { value: 'new@example.com', type: 'work', primary: true },
      { value: 'jane@home.example', type: 'home' },
    ]);
  });

  it('accepts a bare id as the manager', () => {
    const patched = patchUser({ op: 'Add', path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: 'u-7' });
    expect(patched[ENTERPRISE_USER_SCHEMA]).toMatchObject({ manager: { value: 'u-7', displayName: 'Boss' } });
  });

  it('answers an empty Operations array with invalidSyntax', () => {
    const error = errorOf(() => applyPatch(sampleUser(), patchBody(), USER_RESOURCE_SCHEMA));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
  });
});
