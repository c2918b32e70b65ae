import { describe, expect, it } from 'vitest';
import { resolveAttributePath } from '../../../../shared/scim/schema/lookup.js';
import { ALL_SCHEMAS, GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import type { AttributeDefinition } from '../../../../shared/scim/schema/types.js';
import {
  ENTERPRISE_USER_SCHEMA,
  ERROR,
  GROUP_SCHEMA,
  LIST_RESPONSE,
  PATCH_OP,
  RESOURCE_TYPE,
  ROSTER_USER_SCHEMA,
  SCHEMA,
  SERVICE_PROVIDER_CONFIG,
  USER_SCHEMA,
} from '../../../../shared/scim/schema/urns.js';

const allAttributes = (attributes: readonly AttributeDefinition[]): AttributeDefinition[] =>
  attributes.flatMap((attribute) => [attribute, ...allAttributes(attribute.subAttributes ?? [])]);

describe('URNs', () => {
  it('are the RFC 7643 / 7644 identifiers', () => {
    expect({ USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, GROUP_SCHEMA, LIST_RESPONSE, PATCH_OP, ERROR, SERVICE_PROVIDER_CONFIG, RESOURCE_TYPE, SCHEMA }).toEqual({
      USER_SCHEMA: 'urn:ietf:params:scim:schemas:core:2.0:User',
      ENTERPRISE_USER_SCHEMA: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ROSTER_USER_SCHEMA: 'urn:ietf:params:scim:schemas:extension:roster:2.0:User',
      GROUP_SCHEMA: 'urn:ietf:params:scim:schemas:core:2.0:Group',
      LIST_RESPONSE: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
      PATCH_OP: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
      ERROR: 'urn:ietf:params:scim:api:messages:2.0:Error',
      SERVICE_PROVIDER_CONFIG: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
      RESOURCE_TYPE: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
      SCHEMA: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
    });
  });
});

describe('schema definitions served by GET /Schemas', () => {
  it('are the four schemas of the two resource types', () => {
    expect(ALL_SCHEMAS.map((schema) => schema.id)).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, GROUP_SCHEMA]);
    expect([USER_RESOURCE_SCHEMA, GROUP_RESOURCE_SCHEMA].map((type) => [type.name, type.core.id, type.extensions.map((e) => e.id)])).toEqual([
      ['User', USER_SCHEMA, [ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA]],
      ['Group', GROUP_SCHEMA, []],
    ]);
  });

  it.each(ALL_SCHEMAS.map((schema) => [schema.id, schema] as const))('%s is a well-formed RFC 7643 Schema resource', (_id, schema) => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(schema)));
    expect(Object.keys(schema).sort()).toEqual(['attributes', 'description', 'id', 'name']);
    for (const attribute of allAttributes(schema.attributes)) {
      expect(attribute).toMatchObject({
        name: expect.stringMatching(/^(?:[A-Za-z][\w-]*|\$ref)$/),
        type: expect.stringMatching(/^(string|boolean|decimal|integer|dateTime|reference|complex|binary)$/),
        multiValued: expect.any(Boolean),
        description: expect.any(String),
        required: expect.any(Boolean),
        caseExact: expect.any(Boolean),
        mutability: expect.stringMatching(/^(readOnly|readWrite|immutable|writeOnly)$/),
        returned: expect.stringMatching(/^(always|never|default|request)$/),
        uniqueness: expect.stringMatching(/^(none|server|global)$/),
      });
      expect(attribute.type === 'complex').toBe(attribute.subAttributes !== undefined);
      if (attribute.type === 'reference') expect(attribute.referenceTypes?.length).toBeGreaterThan(0);
    }
    // RFC 7643 section 2.4: sub-attributes are not complex themselves
    for (const attribute of schema.attributes) {
      for (const sub of attribute.subAttributes ?? []) expect(sub.subAttributes).toBeUndefined();
    }
  });

  const characteristics = (path: string, resourceSchema = USER_RESOURCE_SCHEMA) => {
    const resolved = resolveAttributePath(resourceSchema, path);
    if (resolved?.kind !== 'attribute') throw new Error(`no attribute ${path}`);
    return resolved.subAttribute ?? resolved.attribute;
  };

  it.each<[string, Partial<AttributeDefinition>]>([
    ['id', { mutability: 'readOnly', returned: 'always', caseExact: true, uniqueness: 'server' }],
    ['externalId', { mutability: 'readWrite', caseExact: true }],
    ['userName', { required: true, uniqueness: 'server', caseExact: false, type: 'string' }],
    ['name', { type: 'complex', multiValued: false }],
    ['active', { type: 'boolean' }],
    ['password', { mutability: 'writeOnly', returned: 'never' }],
    ['emails', { type: 'complex', multiValued: true }],
    ['emails.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['emails.primary', { type: 'boolean' }],
    ['phoneNumbers.primary', { type: 'boolean' }],
    ['addresses.country', { type: 'string' }],
    ['groups', { mutability: 'readOnly', multiValued: true }],
    ['groups.value', { mutability: 'readOnly' }],
    ['meta', { mutability: 'readOnly' }],
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, { mutability: 'readWrite' }],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value`, { mutability: 'readWrite' }],
    [`${ENTERPRISE_USER_SCHEMA}:manager.displayName`, { mutability: 'readOnly' }],
    [`${ROSTER_USER_SCHEMA}:managerEmail`, { mutability: 'readWrite' }],
    [`${ROSTER_USER_SCHEMA}:managerFullName`, { mutability: 'readWrite' }],
    [`${ROSTER_USER_SCHEMA}:primaryPhoneExtension`, { mutability: 'readWrite' }],
    [`${ROSTER_USER_SCHEMA}:country`, { mutability: 'readWrite' }],
    [`${ROSTER_USER_SCHEMA}:stateOrProvince`, { mutability: 'readWrite' }],
    [`${ROSTER_USER_SCHEMA}:resolvedTimeZone`, { mutability: 'readOnly' }],
    [`${ROSTER_USER_SCHEMA}:timeZoneSource`, { mutability: 'readOnly', canonicalValues: ['timezone', 'country', 'stateOrProvince', 'companyDefault'] }],
    [`${ROSTER_USER_SCHEMA}:managerId`, { mutability: 'readOnly' }],
    [
      `${ROSTER_USER_SCHEMA}:managerResolution`,
      { mutability: 'readOnly', canonicalValues: ['email', 'id', 'fullName', 'ambiguous', 'cycle', 'notFound', 'none'] },
    ],
  ])('User %s', (path, expected) => {
    expect(characteristics(path)).toMatchObject(expected);
  });

  it.each<[string, Partial<AttributeDefinition>]>([
    ['id', { mutability: 'readOnly', returned: 'always' }],
    ['displayName', { required: true, uniqueness: 'server' }],
    ['members', { multiValued: true, returned: 'default', mutability: 'readWrite' }],
    ['members.value', { mutability: 'immutable', caseExact: true }],
    // Nested groups are refused, so a member can only be a User.
    ['members.type', { canonicalValues: ['User'] }],
    ['members.$ref', { type: 'reference', referenceTypes: ['User'] }],
  ])('Group %s', (path, expected) => {
    expect(characteristics(path, GROUP_RESOURCE_SCHEMA)).toMatchObject(expected);
  });
});
