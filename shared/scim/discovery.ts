import { notFound } from '../errors.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA, ALL_SCHEMAS } from './schema/resource-schemas.js';
import type { ResourceSchema } from './schema/types.js';
import { RESOURCE_TYPE, SCHEMA } from './schema/urns.js';

/** RFC 7643 §6 ResourceType and §7 Schema resources, generated from the schema definitions the server enforces. */
const RESOURCE_TYPES: Array<{ schema: ResourceSchema; endpoint: string; description: string }> = [
  { schema: USER_RESOURCE_SCHEMA, endpoint: '/Users', description: 'Team members provisioned by the identity provider' },
  { schema: GROUP_RESOURCE_SCHEMA, endpoint: '/Groups', description: 'Groups pushed by the identity provider; they drive assignments' },
];

export function resourceTypes(baseUrl: string) {
  return RESOURCE_TYPES.map(({ schema, endpoint, description }) => ({
    schemas: [RESOURCE_TYPE],
    id: schema.name,
    name: schema.name,
    endpoint,
    description,
    schema: schema.core.id,
    schemaExtensions: schema.extensions.map((extension) => ({ schema: extension.id, required: false })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/scim/v2/ResourceTypes/${schema.name}` },
  }));
}

export function schemaResources(baseUrl: string) {
  return ALL_SCHEMAS.map((schema) => ({
    schemas: [SCHEMA],
    ...schema,
    meta: { resourceType: 'Schema', location: `${baseUrl}/scim/v2/Schemas/${schema.id}` },
  }));
}

export function findById<T extends { id: string }>(resources: T[], id: string, kind: string): T {
  const found = resources.find((resource) => resource.id === id);
  if (!found) throw notFound(`${kind} ${id} not found.`);
  return found;
}
