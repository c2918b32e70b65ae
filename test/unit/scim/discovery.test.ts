import { describe, expect, it } from 'vitest';
import { findById, resourceTypes, schemaResources } from '../../../shared/scim/discovery.js';
import { ALL_SCHEMAS, GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, RESOURCE_TYPE, ROSTER_USER_SCHEMA, SCHEMA, USER_SCHEMA } from '../../../shared/scim/schema/urns.js';
import { errorOf } from './support.js';

const BASE = 'https://roster.test';

describe('resourceTypes', () => {
  const types = resourceTypes(BASE);

  it.each([
    ['User', '/Users', USER_SCHEMA, [ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA]],
    ['Group', '/Groups', GROUP_SCHEMA, []],
  ])('%s at %s', (name, endpoint, schema, extensions) => {
    const type = findById(types, name, 'ResourceType');
    expect(type).toMatchObject({ schemas: [RESOURCE_TYPE], id: name, name, endpoint, schema });
    expect(type.schemaExtensions).toEqual(extensions.map((urn) => ({ schema: urn, required: false })));
    expect(type.meta).toEqual({ resourceType: 'ResourceType', location: `${BASE}/scim/v2/ResourceTypes/${name}` });
    expect(type.description).not.toBe('');
  });

  it('lists exactly the resource schemas the server enforces', () => {
    expect(types.map((type) => type.schema)).toEqual([USER_RESOURCE_SCHEMA.core.id, GROUP_RESOURCE_SCHEMA.core.id]);
  });

  it('names only schemas that GET /Schemas serves', () => {
    const served = new Set(schemaResources(BASE).map((schema) => schema.id));
    for (const type of types) {
      expect(served.has(type.schema)).toBe(true);
      for (const extension of type.schemaExtensions) expect(served.has(extension.schema)).toBe(true);
    }
  });
});

describe('schemaResources', () => {
  const schemas = schemaResources(BASE);

  it('serves every schema definition, as defined', () => {
    expect(schemas.map((schema) => schema.id)).toEqual(ALL_SCHEMAS.map((schema) => schema.id));
    schemas.forEach((schema, index) => {
      expect(schema).toMatchObject({ ...ALL_SCHEMAS[index], schemas: [SCHEMA] });
      expect(schema.meta).toEqual({ resourceType: 'Schema', location: `${BASE}/scim/v2/Schemas/${schema.id}` });
    });
  });

  it('describes each attribute with the RFC 7643 §7 characteristics', () => {
    const user = findById(schemas, USER_SCHEMA, 'Schema');
    const userName = user.attributes.find((attribute) => attribute.name === 'userName');
    expect(userName).toMatchObject({ type: 'string', multiValued: false, required: true, caseExact: false, uniqueness: 'server' });
    const members = findById(schemas, GROUP_SCHEMA, 'Schema').attributes.find((attribute) => attribute.name === 'members');
    expect(members?.subAttributes?.map((attribute) => attribute.name)).toEqual(expect.arrayContaining(['value', 'display', '$ref', 'type']));
  });
});

describe('findById', () => {
  const resources = [{ id: 'User' }, { id: 'Group' }];

  it('finds by exact id', () => {
    expect(findById(resources, 'Group', 'ResourceType')).toBe(resources[1]);
  });

  it.each([['user'], [''], ['Users'], [' User'], ['__proto__'], ['x'.repeat(10_000)]])('%j is 404', (id) => {
    const error = errorOf(() => findById(resources, id, 'ResourceType'));
    expect(error.status).toBe(404);
    expect(error.detail).toBe(`ResourceType ${id} not found.`);
  });
});
