import { describe, expect, it } from 'vitest';
import { activationChange } from '../../../../shared/scim/resources/user-activation.js';
import { PATCH_OP, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { applyPatch } from '../../../../shared/scim/patch/apply.js';
import { USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { patchBody, sampleUser } from '../support.js';

describe('activationChange', () => {
  describe('PATCHes that only change active take the short way', () => {
    it.each<[string, unknown[], boolean]>([
      ["Okta's deactivate", [{ op: 'replace', value: { active: false } }], false],
      ["Okta's reactivate", [{ op: 'replace', value: { active: true } }], true],
      ['a path and a string "False" (Entra)', [{ op: 'Replace', path: 'active', value: 'False' }], false],
      ['"TRUE" in capitals', [{ op: 'replace', path: 'active', value: 'TRUE' }], true],
      ['add instead of replace', [{ op: 'add', path: 'active', value: true }], true],
      ['ADD in capitals', [{ op: 'ADD', value: { active: false } }], false],
      ['a URN-qualified path', [{ op: 'replace', path: `${USER_SCHEMA}:active`, value: false }], false],
      ['a URN-qualified key in any case', [{ op: 'replace', value: { [`${USER_SCHEMA}:Active`.toUpperCase()]: true } }], true],
      ['a padded, capitalised path', [{ op: 'replace', path: '  Active ', value: false }], false],
      ['a capitalised key', [{ op: 'replace', value: { ACTIVE: false } }], false],
      ['OP, PATH and VALUE in capitals', [{ OP: 'replace', PATH: 'active', VALUE: false }], false],
      ['several operations: the last wins', [{ op: 'replace', value: { active: false } }, { op: 'replace', path: 'active', value: true }], true],
    ])('%s', (_label, operations, active) => {
      expect(activationChange(patchBody(...operations))).toBe(active);
    });
  });

  describe('reads a body exactly as the general PATCH does, so both ways agree', () => {
    it.each<[string, unknown]>([
      ['"operations" in lower case (attribute names are case-insensitive)', { schemas: [PATCH_OP], operations: [{ op: 'replace', value: { active: false } }] }],
      ['a null path (no path)', patchBody({ op: 'replace', path: null, value: { active: false } })],
    ])('%s', (_label, body) => {
      expect(activationChange(body)).toBe(false);
      expect(applyPatch(sampleUser(), body, USER_RESOURCE_SCHEMA).active).toBe(false);
    });
  });

  describe('anything else goes the general way (undefined)', () => {
    it.each<[string, unknown]>([
      ['no body', undefined],
      ['null', null],
      ['a string', 'active=false'],
      ['an array', [{ op: 'replace', value: { active: false } }]],
      ['no schemas', { Operations: [{ op: 'replace', value: { active: false } }] }],
      ['another schema', { schemas: [USER_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] }],
      ['a schemas string', { schemas: PATCH_OP, Operations: [{ op: 'replace', value: { active: false } }] }],
      ['empty Operations', patchBody()],
      ['Operations not a list', { schemas: [PATCH_OP], Operations: { op: 'replace', value: { active: false } } }],
      ['an operation that is not an object', patchBody('replace active false')],
      ['a remove of active', patchBody({ op: 'remove', path: 'active' })],
      ['no op', patchBody({ path: 'active', value: false })],
      ['an unknown op', patchBody({ op: 'set', path: 'active', value: false })],
      ['a numeric op', patchBody({ op: 1, path: 'active', value: false })],
      ['another attribute', patchBody({ op: 'replace', path: 'title', value: 'x' })],
      ['active with another attribute', patchBody({ op: 'replace', value: { active: false, title: 'x' } })],
      ['active then another operation', patchBody({ op: 'replace', value: { active: false } }, { op: 'replace', path: 'title', value: 'x' })],
      ['an empty value object', patchBody({ op: 'replace', value: {} })],
      ['a path-less value that is not an object', patchBody({ op: 'replace', value: false })],
      ['a path-less null value', patchBody({ op: 'replace', value: null })],
      ['a value that is not a boolean', patchBody({ op: 'replace', path: 'active', value: 'no' })],
      ['a numeric boolean', patchBody({ op: 'replace', path: 'active', value: 0 })],
      ['a null value', patchBody({ op: 'replace', path: 'active', value: null })],
      ['a missing value', patchBody({ op: 'replace', path: 'active' })],
      ['an object value on the active path', patchBody({ op: 'replace', path: 'active', value: { active: false } })],
      ['a capitalised Path naming another attribute', patchBody({ op: 'replace', Path: 'title', value: { active: false } })],
      ['an empty path', patchBody({ op: 'replace', path: '', value: false })],
      ['a filtered path', patchBody({ op: 'replace', path: 'active[value eq true]', value: false })],
      ['a nested core object', patchBody({ op: 'replace', value: { [USER_SCHEMA]: { active: false } } })],
      ['an extension URN path', patchBody({ op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:roster:2.0:User:active', value: false })],
      ['a "__proto__" value key', patchBody({ op: 'replace', value: JSON.parse('{"__proto__":{"active":false}}') })],
    ])('%s', (_label, body) => {
      expect(activationChange(body)).toBeUndefined();
    });
  });
});
