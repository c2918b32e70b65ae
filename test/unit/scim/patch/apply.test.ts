import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../../shared/scim/patch/apply.js';
import type { JsonObject } from '../../../../shared/scim/json.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { errorOf, patchBody, sampleGroup, sampleUser } from '../support.js';

const patchUser = (...operations: unknown[]) => applyPatch(sampleUser(), patchBody(...operations), USER_RESOURCE_SCHEMA);
const patchUserError = (...operations: unknown[]) => errorOf(() => patchUser(...operations));

const WORK = { value: 'jane.doe@example.com', type: 'work', primary: true };
const HOME = { value: 'jane@home.example', type: 'home' };

describe('add (RFC 7644 section 3.5.2.1)', () => {
  it('sets a single-valued attribute, replacing any value', () => {
    expect(patchUser({ op: 'add', path: 'timezone', value: 'Europe/Paris' }).timezone).toBe('Europe/Paris');
    expect(patchUser({ op: 'add', path: 'title', value: 'CTO' }).title).toBe('CTO');
  });

  it('merges the sub-attributes of a complex value', () => {
    expect(patchUser({ op: 'add', path: 'name', value: { formatted: 'Jane Doe' } }).name).toEqual({
      givenName: 'Jane',
      familyName: 'Doe',
      formatted: 'Jane Doe',
    });
  });

  it('appends to a multi-valued attribute', () => {
    const other = { value: 'jd@other.example', type: 'other' };
    expect(patchUser({ op: 'add', path: 'emails', value: [other] }).emails).toEqual([WORK, HOME, other]);
    expect(patchUser({ op: 'add', path: 'emails', value: other }).emails).toEqual([WORK, HOME, other]);
  });

  it('does not duplicate an equal element, and updates its writable sub-attributes', () => {
    // emails compare case-insensitively: the element is kept once, in the spelling last sent
    expect(patchUser({ op: 'add', path: 'emails', value: [{ value: 'JANE@home.example', type: 'home' }] }).emails).toEqual([
      WORK,
      { ...HOME, value: 'JANE@home.example' },
    ]);
    expect(patchUser({ op: 'add', path: 'emails', value: [{ value: 'jane@home.example', primary: true }] }).emails).toEqual([
      { ...WORK, primary: false },
      { ...HOME, primary: true },
    ]);
  });

  it('keeps the same address with another type as another element', () => {
    expect(patchUser({ op: 'add', path: 'emails', value: [{ value: 'jane@home.example', type: 'other' }] }).emails).toHaveLength(3);
  });

  it('merges into the elements a value filter selects', () => {
    expect(patchUser({ op: 'add', path: 'emails[type eq "home"]', value: { display: 'Home' } }).emails).toEqual([WORK, { ...HOME, display: 'Home' }]);
  });

  it('creates the element from the filter when a value filter selects nothing', () => {
    expect(patchUser({ op: 'add', path: 'phoneNumbers[type eq "mobile"]', value: { value: '+33 6 00 00 00 00' } }).phoneNumbers).toEqual([
      { value: '+33 1 23 45 67 89', type: 'work' },
      { type: 'mobile', value: '+33 6 00 00 00 00' },
    ]);
  });

  it('cannot create an element from a filter that is not a set of eq conditions', () => {
    const error = patchUserError({ op: 'add', path: 'emails[type ne "home" and type ne "work"].value', value: 'x@example.com' });
    expect(error).toMatchObject({ status: 400, scimType: 'noTarget' });
  });

  it('sets a sub-attribute of a single complex attribute, creating it if needed', () => {
    const { name: _name, ...nameless } = sampleUser();
    const patched = applyPatch(nameless, patchBody({ op: 'add', path: 'name.givenName', value: 'Jane' }), USER_RESOURCE_SCHEMA);
    expect(patched.name).toEqual({ givenName: 'Jane' });
  });

  it('accepts the writeOnly password (the caller must not store it)', () => {
    expect(patchUser({ op: 'add', path: 'password', value: 'secret' }).password).toBe('secret');
  });

  it('refuses a null value', () => {
    expect(patchUserError({ op: 'add', path: 'title', value: null })).toMatchObject({ scimType: 'invalidValue' });
  });
});

describe('replace (RFC 7644 section 3.5.2.3)', () => {
  it('replaces all values of a multi-valued attribute when there is no filter', () => {
    expect(patchUser({ op: 'replace', path: 'emails', value: [{ value: 'only@example.com', type: 'work' }] }).emails).toEqual([
      { value: 'only@example.com', type: 'work' },
    ]);
  });

  it('replaces a sub-attribute of the elements a value filter selects', () => {
    expect(patchUser({ op: 'replace', path: 'emails[type eq "home"].value', value: 'jane@new-home.example' }).emails).toEqual([
      WORK,
      { ...HOME, value: 'jane@new-home.example' },
    ]);
  });

  it('replaces every selected element when the path has no sub-attribute', () => {
    expect(patchUser({ op: 'replace', path: 'emails[type eq "home"]', value: { value: 'h@example.com', type: 'home' } }).emails).toEqual([
      WORK,
      { value: 'h@example.com', type: 'home' },
    ]);
  });

  it('fails with noTarget when a value filter selects nothing', () => {
    const error = patchUserError({ op: 'replace', path: 'emails[type eq "other"].value', value: 'x@example.com' });
    expect(error).toMatchObject({ status: 400, scimType: 'noTarget' });
    expect(error.detail).toContain('No value of emails matches');
  });

  it('merges a complex value, leaving the other sub-attributes', () => {
    expect(patchUser({ op: 'replace', path: 'name', value: { givenName: 'Janet' } }).name).toEqual({ givenName: 'Janet', familyName: 'Doe' });
  });

  it('unassigns with a null value', () => {
    expect(patchUser({ op: 'replace', path: 'title', value: null })).not.toHaveProperty('title');
    expect(patchUser({ op: 'replace', value: { title: null } })).not.toHaveProperty('title');
    expect(patchUser({ op: 'replace', path: 'name', value: { familyName: null } }).name).toEqual({ givenName: 'Jane' });
  });

  it('adds an attribute that was not there', () => {
    expect(patchUser({ op: 'replace', path: 'locale', value: 'fr-FR' }).locale).toBe('fr-FR');
    expect(patchUser({ op: 'replace', path: 'addresses', value: [{ type: 'work', country: 'FR' }] }).addresses).toEqual([{ type: 'work', country: 'FR' }]);
  });

  it('writes canonical attribute names, whatever case the path or the resource used', () => {
    const shouting: JsonObject = { ...sampleUser(), DisplayName: 'old' };
    delete shouting.displayName;
    const patched = applyPatch(shouting, patchBody({ op: 'replace', path: 'DISPLAYNAME', value: 'new' }), USER_RESOURCE_SCHEMA);
    expect(patched.displayName).toBe('new');
    expect(patched).not.toHaveProperty('DisplayName');
    expect(patchUser({ op: 'replace', path: 'Name.GivenName', value: 'J' }).name).toEqual({ givenName: 'J', familyName: 'Doe' });
  });

  it('takes core attributes qualified with the core URN', () => {
    expect(patchUser({ op: 'replace', path: `${USER_SCHEMA}:displayName`, value: 'JD' }).displayName).toBe('JD');
  });
});

describe('remove (RFC 7644 section 3.5.2.2)', () => {
  it('removes an attribute, a sub-attribute, or selected elements', () => {
    expect(patchUser({ op: 'remove', path: 'title' })).not.toHaveProperty('title');
    expect(patchUser({ op: 'remove', path: 'name.familyName' }).name).toEqual({ givenName: 'Jane' });
    expect(patchUser({ op: 'remove', path: 'emails[type eq "home"]' }).emails).toEqual([WORK]);
    expect(patchUser({ op: 'remove', path: 'emails[type eq "work"].primary' }).emails).toEqual([{ value: WORK.value, type: 'work' }, HOME]);
    expect(patchUser({ op: 'remove', path: 'emails' })).not.toHaveProperty('emails');
  });

  it('drops a complex attribute left empty', () => {
    const patched = patchUser({ op: 'remove', path: 'name.familyName' }, { op: 'remove', path: 'name.givenName' });
    expect(patched).not.toHaveProperty('name');
  });

  it('is a no-op for what is not there', () => {
    const user = sampleUser();
    expect(applyPatch(user, patchBody({ op: 'remove', path: 'timezone' }), USER_RESOURCE_SCHEMA)).toEqual(user);
    expect(applyPatch(user, patchBody({ op: 'remove', path: 'addresses[type eq "work"]' }), USER_RESOURCE_SCHEMA)).toEqual(user);
    expect(applyPatch(user, patchBody({ op: 'remove', path: 'emails[type eq "other"]' }), USER_RESOURCE_SCHEMA)).toEqual(user);
  });

  it('needs a path', () => {
    const error = patchUserError({ op: 'remove' });
    expect(error).toMatchObject({ status: 400, scimType: 'noTarget' });
    expect(error.detail).toContain('"remove" needs a "path"');
  });
});

describe('extensions', () => {
  it('adds to an extension the user did not have and declares it in schemas', () => {
    const { [ENTERPRISE_USER_SCHEMA]: _enterprise, ...user } = sampleUser();
    user.schemas = [USER_SCHEMA, ROSTER_USER_SCHEMA];
    const patched = applyPatch(user, patchBody({ op: 'add', path: `${ENTERPRISE_USER_SCHEMA}:employeeNumber`, value: '7' }), USER_RESOURCE_SCHEMA);
    expect(patched[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: '7' });
    expect(patched.schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA]);
  });

  it('writes a whole extension given as the path', () => {
    const patched = patchUser({ op: 'replace', path: ENTERPRISE_USER_SCHEMA, value: { employeeNumber: '8', 'manager.value': 'u-8' } });
    expect(patched[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: '8', manager: { value: 'u-8', displayName: 'Boss' } });
  });

  it('removes a whole extension and undeclares it', () => {
    const patched = patchUser({ op: 'remove', path: ENTERPRISE_USER_SCHEMA });
    expect(patched).not.toHaveProperty(ENTERPRISE_USER_SCHEMA);
    expect(patched.schemas).toEqual([USER_SCHEMA, ROSTER_USER_SCHEMA]);
  });

  it('keeps the server-owned attributes when the roster extension is removed', () => {
    expect(patchUser({ op: 'remove', path: ROSTER_USER_SCHEMA })[ROSTER_USER_SCHEMA]).toEqual({
      resolvedTimeZone: 'Europe/Paris',
      timeZoneSource: 'country',
      managerResolution: 'id',
    });
  });
});

describe('primary', () => {
  it('clears the other primary when a new primary element is added', () => {
    const added = { value: 'new@example.com', type: 'work', primary: true };
    expect(patchUser({ op: 'add', path: 'emails', value: [added] }).emails).toEqual([{ ...WORK, primary: false }, HOME, added]);
  });

  it('clears the other primary when a sub-attribute path sets primary', () => {
    expect(patchUser({ op: 'replace', path: 'emails[type eq "home"].primary', value: true }).emails).toEqual([
      { ...WORK, primary: false },
      { ...HOME, primary: true },
    ]);
  });

  it('keeps only the last primary of a replaced list', () => {
    const emails = patchUser({
      op: 'replace',
      path: 'emails',
      value: [
        { value: 'a@example.com', primary: true },
        { value: 'b@example.com', primary: true },
      ],
    }).emails;
    expect(emails).toEqual([
      { value: 'a@example.com', primary: false },
      { value: 'b@example.com', primary: true },
    ]);
  });
});

describe('values of the wrong type are invalidValue', () => {
  it.each<[string, unknown, string]>([
    ['title', 5, 'title must be a string'],
    ['active', 1, 'active must be a boolean'],
    ['name', 'Jane Doe', 'name must be an object of sub-attributes'],
    ['emails', [{ value: 5 }], 'emails.value must be a string'],
    ['emails[type eq "work"].primary', 'yes', 'must be a boolean'],
    ['displayName', ['a', 'b'], 'displayName is single-valued'],
  ])('%s = %j', (path, value, detail) => {
    const error = patchUserError({ op: 'replace', path, value });
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(error.detail).toContain(detail);
  });

  it('refuses a path-less add whose value is not an object', () => {
    expect(patchUserError({ op: 'add', value: 'x' })).toMatchObject({ scimType: 'invalidValue' });
  });
});

describe('unknown attributes in a path are invalidPath, named in the detail', () => {
  it.each<[unknown, string]>([
    [{ op: 'add', path: 'shoeSize', value: 'JD' }, 'Unknown attribute "shoeSize"'],
    [{ op: 'replace', path: 'name.maidenName', value: 'M' }, 'Unknown attribute "name.maidenName"'],
    [{ op: 'replace', path: 'emails[foo eq "x"].value', value: 'x' }, 'unknown attribute "emails.foo"'],
    [{ op: 'remove', path: 'urn:example:unknown:1.0:User:thing' }, 'Unknown attribute "urn:example:unknown:1.0:User:thing"'],
    [{ op: 'replace', path: 'title[value eq "x"]', value: 'x' }, 'filters "title", which has no sub-attributes'],
    [{ op: 'replace', path: 'emails[type eq', value: 'x' }, 'Invalid path "emails[type eq"'],
  ])('%j', (operation, detail) => {
    const error = patchUserError(operation);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidPath' });
    expect(error.detail).toContain(detail);
  });
});

// RFC 7644 §3.12: invalidPath is for a path that is invalid or malformed; when the path is valid
// (or absent) and the value names what the schema does not have, the value is what is wrong.
describe('unknown attributes inside a value are invalidValue, named in the detail', () => {
  it.each<[unknown, string]>([
    [{ op: 'replace', value: { shoeSize: 'JD' } }, 'Unknown attribute "shoeSize"'],
    [{ op: 'replace', value: { [ENTERPRISE_USER_SCHEMA]: { badgeColor: '1' } } }, `Unknown attribute "badgeColor" in ${ENTERPRISE_USER_SCHEMA}`],
    [{ op: 'replace', path: 'name', value: { middle: 'M' } }, 'Unknown attribute "name.middle"'],
    [{ op: 'replace', path: ENTERPRISE_USER_SCHEMA, value: { schemas: [ENTERPRISE_USER_SCHEMA], employeeNumber: '7' } }, `Unknown attribute "schemas" in ${ENTERPRISE_USER_SCHEMA}`],
    [{ op: 'add', path: ROSTER_USER_SCHEMA, value: { schemas: [ROSTER_USER_SCHEMA] } }, `Unknown attribute "schemas" in ${ROSTER_USER_SCHEMA}`],
  ])('%j', (operation, detail) => {
    const error = patchUserError(operation);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(error.detail).toContain(detail);
  });
});

describe('mutability', () => {
  it.each<[string, unknown]>([
    ['id', 'u-2'],
    ['meta.lastModified', '2030-01-01T00:00:00Z'],
    ['meta', { version: 'W/"9"' }],
    ['groups', [{ value: 'g-9' }]],
    [`${ROSTER_USER_SCHEMA}:resolvedTimeZone`, 'Asia/Tokyo'],
    [`${ROSTER_USER_SCHEMA}:timeZoneSource`, 'timezone'],
    [`${ROSTER_USER_SCHEMA}:managerId`, 'u-9'],
    [`${ROSTER_USER_SCHEMA}:managerResolution`, 'email'],
    [`${ENTERPRISE_USER_SCHEMA}:manager.displayName`, 'Big Boss'],
  ])('refuses to change read-only %s', (path, value) => {
    for (const op of ['add', 'replace']) {
      const error = patchUserError({ op, path, value });
      expect(error).toMatchObject({ status: 400, scimType: 'mutability' });
      expect(error.detail).toContain('is read-only');
    }
  });

  it.each(['id', 'groups', 'meta', `${ROSTER_USER_SCHEMA}:managerId`, `${ENTERPRISE_USER_SCHEMA}:manager.displayName`])(
    'refuses to remove read-only %s',
    (path) => {
      expect(patchUserError({ op: 'remove', path })).toMatchObject({ scimType: 'mutability' });
    },
  );

  it('refuses read-only attributes inside a path-less value unless unchanged', () => {
    expect(patchUserError({ op: 'replace', value: { groups: [] } })).toMatchObject({ scimType: 'mutability' });
    expect(patchUserError({ op: 'replace', value: { [ROSTER_USER_SCHEMA]: { timeZoneSource: 'timezone' } } })).toMatchObject({
      scimType: 'mutability',
    });
    const user = sampleUser();
    expect(applyPatch(user, patchBody({ op: 'replace', value: { id: 'u-1', groups: user.groups } }), USER_RESOURCE_SCHEMA)).toEqual(user);
  });

  it('ignores schemas and meta echoed in a path-less value', () => {
    const user = sampleUser();
    const echoed = { schemas: ['urn:whatever'], meta: { version: 'W/"1"' }, id: 'u-1', title: 'CTO' };
    expect(applyPatch(user, patchBody({ op: 'replace', value: echoed }), USER_RESOURCE_SCHEMA)).toEqual({ ...user, title: 'CTO' });
  });

  it('drops read-only sub-attributes sent inside a complex value', () => {
    const patched = patchUser({ op: 'replace', path: `${ENTERPRISE_USER_SCHEMA}:manager`, value: { value: 'u-9', displayName: 'Someone' } });
    expect(patched[ENTERPRISE_USER_SCHEMA]).toMatchObject({ manager: { value: 'u-9', displayName: 'Boss' } });
  });

  describe('immutable member sub-attributes', () => {
    const patchGroup = (...operations: unknown[]) => applyPatch(sampleGroup(), patchBody(...operations), GROUP_RESOURCE_SCHEMA);

    it('may be set when unassigned', () => {
      const patched = patchGroup({ op: 'add', path: 'members[value eq "u-1"].type', value: 'User' });
      expect(patched.members).toEqual([
        { value: 'u-1', display: 'jane.doe@example.com', type: 'User' },
        { value: 'u-2', display: 'john.roe@example.com' },
      ]);
    });

    it.each<[unknown]>([
      [{ op: 'replace', path: 'members[value eq "u-1"].value', value: 'u-9' }],
      [{ op: 'add', path: 'members[value eq "u-1"].display', value: 'other' }],
      [{ op: 'add', path: 'members[value eq "u-1"]', value: { display: 'other' } }],
      [{ op: 'remove', path: 'members[value eq "u-1"].display' }],
    ])('may not be changed or removed: %j', (operation) => {
      const error = errorOf(() => patchGroup(operation));
      expect(error).toMatchObject({ status: 400, scimType: 'mutability' });
      expect(error.detail).toContain('is immutable');
    });

    it('accepts writing the current value again', () => {
      expect(patchGroup({ op: 'replace', path: 'members[value eq "u-1"].value', value: 'u-1' })).toEqual(sampleGroup());
    });
  });
});

describe('required attributes', () => {
  it.each<[unknown]>([[{ op: 'remove', path: 'userName' }], [{ op: 'replace', path: 'userName', value: '' }], [{ op: 'replace', value: { userName: null } }]])(
    'refuses to unassign userName: %j',
    (operation) => {
      const error = patchUserError(operation);
      expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
      expect(error.detail).toContain('userName is required');
    },
  );

  it("refuses to unassign a group's displayName", () => {
    expect(errorOf(() => applyPatch(sampleGroup(), patchBody({ op: 'remove', path: 'displayName' }), GROUP_RESOURCE_SCHEMA))).toMatchObject({
      scimType: 'invalidValue',
    });
  });
});

describe('atomicity and purity', () => {
  it('applies operations in order', () => {
    expect(patchUser({ op: 'replace', path: 'title', value: 'A' }, { op: 'replace', path: 'title', value: 'B' }).title).toBe('B');
    expect(patchUser({ op: 'remove', path: 'title' }, { op: 'add', path: 'title', value: 'C' }).title).toBe('C');
  });

  it('throws on a failing second operation and leaves the input untouched', () => {
    const user = sampleUser();
    const snapshot = structuredClone(user);
    const error = errorOf(() =>
      applyPatch(
        user,
        patchBody({ op: 'replace', path: 'title', value: 'CTO' }, { op: 'replace', path: 'id', value: 'u-2' }),
        USER_RESOURCE_SCHEMA,
      ),
    );
    expect(error).toMatchObject({ status: 400, scimType: 'mutability' });
    expect(error.detail).toBe('Operations[1] (replace "id"): id is read-only.');
    expect(user).toEqual(snapshot);
  });

  it('never modifies its input, nested values included', () => {
    const user = sampleUser();
    const snapshot = structuredClone(user);
    const patched = applyPatch(
      user,
      patchBody(
        { op: 'replace', path: 'name.givenName', value: 'J' },
        { op: 'replace', path: 'emails[type eq "home"].primary', value: true },
        { op: 'remove', path: `${ENTERPRISE_USER_SCHEMA}:employeeNumber` },
      ),
      USER_RESOURCE_SCHEMA,
    );
    expect(user).toEqual(snapshot);
    expect(patched).not.toEqual(snapshot);
  });

  it('returns a new object even when nothing changes', () => {
    const user: JsonObject = sampleUser();
    const patched = applyPatch(user, patchBody({ op: 'remove', path: 'timezone' }), USER_RESOURCE_SCHEMA);
    expect(patched).toEqual(user);
    expect(patched).not.toBe(user);
  });
});
