import { describe, expect, it } from 'vitest';
import { needsAttribute, parseAttributeList, projectAttributes, type AttributeSelection } from '../../../shared/scim/attributes.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../../../shared/scim/schema/urns.js';
import { sampleGroup, sampleUser } from './support.js';

const userWithPassword = () => ({ ...sampleUser(), password: 'placeholder' });
const project = (selection: AttributeSelection) => projectAttributes(userWithPassword(), selection, USER_RESOURCE_SCHEMA);
const ALWAYS = ['schemas', 'id', 'meta'];

describe('parseAttributeList', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    [' , ', []],
    ['userName', ['userName']],
    ['userName, name.givenName ,emails.value', ['userName', 'name.givenName', 'emails.value']],
    [`${ENTERPRISE_USER_SCHEMA}:manager,id`, [`${ENTERPRISE_USER_SCHEMA}:manager`, 'id']],
  ])('%j', (value, expected) => {
    expect(parseAttributeList(value)).toEqual(expected);
  });
});

describe('projectAttributes', () => {
  it('returns every default attribute, never the password', () => {
    const { password: _password, ...expected } = userWithPassword();
    expect(project({})).toEqual(expected);
    expect(project({ attributes: [], excludedAttributes: [] })).toEqual(expected);
  });

  it('never returns the password, even when asked', () => {
    expect(project({ attributes: ['password', 'userName'] })).not.toHaveProperty('password');
  });

  it('returns only the named attributes plus id, schemas and meta', () => {
    expect(Object.keys(project({ attributes: ['userName', 'active'] })).sort()).toEqual([...ALWAYS, 'active', 'userName'].sort());
  });

  it('matches names case-insensitively', () => {
    expect(project({ attributes: ['USERNAME'] })).toHaveProperty('userName', 'Jane.Doe@example.com');
  });

  it('keeps only the named sub-attributes', () => {
    const projected = project({ attributes: ['name.givenName', 'emails.value'] });
    expect(projected.name).toEqual({ givenName: 'Jane' });
    expect(projected.emails).toEqual([{ value: 'jane.doe@example.com' }, { value: 'jane@home.example' }]);
  });

  it('takes URN-qualified names and whole extensions', () => {
    expect(project({ attributes: [`${ENTERPRISE_USER_SCHEMA}:manager`] })[ENTERPRISE_USER_SCHEMA]).toEqual({
      manager: { value: 'u-0', displayName: 'Boss' },
    });
    expect(project({ attributes: [`${ENTERPRISE_USER_SCHEMA}:manager.value`] })[ENTERPRISE_USER_SCHEMA]).toEqual({ manager: { value: 'u-0' } });
    expect(project({ attributes: [ENTERPRISE_USER_SCHEMA] })[ENTERPRISE_USER_SCHEMA]).toEqual(sampleUser()[ENTERPRISE_USER_SCHEMA]);
    expect(project({ attributes: [`${USER_SCHEMA}:userName`] })).toHaveProperty('userName');
    expect(project({ attributes: ['userName'] })).not.toHaveProperty(ENTERPRISE_USER_SCHEMA);
  });

  it('always returns id, schemas and meta, which cannot be excluded', () => {
    const projected = project({ attributes: ['displayName'] });
    expect(projected).toMatchObject({ id: 'u-1', schemas: sampleUser().schemas, meta: sampleUser().meta });
    expect(Object.keys(project({ excludedAttributes: ['id', 'schemas', 'meta', 'meta.version'] }))).toEqual(
      expect.arrayContaining(ALWAYS),
    );
    expect(project({ excludedAttributes: ['meta'] }).meta).toEqual(sampleUser().meta);
  });

  it('leaves out excluded attributes and sub-attributes', () => {
    const projected = project({ excludedAttributes: ['emails', 'name.familyName', `${ROSTER_USER_SCHEMA}:country`, 'GROUPS'] });
    expect(projected).not.toHaveProperty('emails');
    expect(projected).not.toHaveProperty('groups');
    expect(projected.name).toEqual({ givenName: 'Jane' });
    expect(projected[ROSTER_USER_SCHEMA]).not.toHaveProperty('country');
    expect(projected).toHaveProperty('userName');
  });

  it('drops an extension wholly excluded or left empty', () => {
    expect(project({ excludedAttributes: [ENTERPRISE_USER_SCHEMA] })).not.toHaveProperty(ENTERPRISE_USER_SCHEMA);
    expect(project({ excludedAttributes: [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, `${ENTERPRISE_USER_SCHEMA}:manager`] })).not.toHaveProperty(
      ENTERPRISE_USER_SCHEMA,
    );
  });

  it('lets attributes win when both parameters are given', () => {
    expect(Object.keys(project({ attributes: ['title'], excludedAttributes: ['title'] })).sort()).toEqual([...ALWAYS, 'title'].sort());
  });

  it('ignores names it does not know', () => {
    expect(Object.keys(project({ attributes: ['shoeSize', 'title'] })).sort()).toEqual([...ALWAYS, 'title'].sort());
  });

  it('does not modify the resource', () => {
    const user = userWithPassword();
    const snapshot = structuredClone(user);
    projectAttributes(user, { attributes: ['emails.value'] }, USER_RESOURCE_SCHEMA);
    expect(user).toEqual(snapshot);
  });

  it('projects groups: excludedAttributes=members', () => {
    const projected = projectAttributes(sampleGroup(), { excludedAttributes: ['members'] }, GROUP_RESOURCE_SCHEMA);
    expect(projected).toEqual({ schemas: sampleGroup().schemas, id: 'g-1', displayName: 'Sales', meta: sampleGroup().meta });
  });
});

describe('needsAttribute', () => {
  it.each<[AttributeSelection, string, boolean]>([
    [{}, 'members', true],
    [{ excludedAttributes: ['members'] }, 'members', false],
    [{ excludedAttributes: ['MEMBERS'] }, 'members', false],
    [{ excludedAttributes: ['members.display'] }, 'members', true],
    [{ excludedAttributes: ['displayName'] }, 'members', true],
    [{ attributes: ['id', 'displayName'] }, 'members', false],
    [{ attributes: ['members'] }, 'members', true],
    [{ attributes: ['members.value'] }, 'members', true],
    [{ attributes: ['urn:ietf:params:scim:schemas:core:2.0:Group:members'] }, 'members', true],
    [{ attributes: ['displayName'] }, 'id', true],
    [{ excludedAttributes: ['id'] }, 'id', true],
    [{ attributes: ['members.value'] }, 'members.display', false],
    [{}, 'shoeSize', false],
  ])('%j needs %s: %s', (selection, attribute, expected) => {
    expect(needsAttribute(selection, attribute, GROUP_RESOURCE_SCHEMA)).toBe(expected);
  });

  it('knows the password is never needed and extensions can be needed as a whole', () => {
    expect(needsAttribute({}, 'password', USER_RESOURCE_SCHEMA)).toBe(false);
    expect(needsAttribute({ attributes: ['userName'] }, 'groups', USER_RESOURCE_SCHEMA)).toBe(false);
    expect(needsAttribute({}, ENTERPRISE_USER_SCHEMA, USER_RESOURCE_SCHEMA)).toBe(true);
    expect(needsAttribute({ excludedAttributes: [ENTERPRISE_USER_SCHEMA] }, ENTERPRISE_USER_SCHEMA, USER_RESOURCE_SCHEMA)).toBe(false);
    expect(needsAttribute({ attributes: [`${ENTERPRISE_USER_SCHEMA}:manager`] }, ENTERPRISE_USER_SCHEMA, USER_RESOURCE_SCHEMA)).toBe(true);
  });
});
