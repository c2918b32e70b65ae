import { ENTERPRISE_USER_EXTENSION } from './enterprise-user-schema.js';
import { GROUP_CORE_SCHEMA } from './group-schema.js';
import { ROSTER_USER_EXTENSION } from './roster-user-schema.js';
import type { ResourceSchema, SchemaDefinition } from './types.js';
import { USER_CORE_SCHEMA } from './user-schema.js';

export const USER_RESOURCE_SCHEMA: ResourceSchema = {
  name: 'User',
  core: USER_CORE_SCHEMA,
  extensions: [ENTERPRISE_USER_EXTENSION, ROSTER_USER_EXTENSION],
};

export const GROUP_RESOURCE_SCHEMA: ResourceSchema = {
  name: 'Group',
  core: GROUP_CORE_SCHEMA,
  extensions: [],
};

/** Every schema served by GET /Schemas. */
export const ALL_SCHEMAS: readonly SchemaDefinition[] = [
  USER_CORE_SCHEMA,
  ENTERPRISE_USER_EXTENSION,
  ROSTER_USER_EXTENSION,
  GROUP_CORE_SCHEMA,
];
