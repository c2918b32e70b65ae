import { EXTERNAL_ID_ATTRIBUTE, ID_ATTRIBUTE } from './common-attributes.js';
import { defineAttribute } from './define-attribute.js';
import type { SchemaDefinition } from './types.js';
import { GROUP_SCHEMA } from './urns.js';

const immutable = { mutability: 'immutable' } as const;

export const GROUP_CORE_SCHEMA: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: [
    ID_ATTRIBUTE,
    EXTERNAL_ID_ATTRIBUTE,
    defineAttribute('displayName', 'Name of the group; unique per tenant.', { required: true, uniqueness: 'server' }),
    defineAttribute('members', 'Members of the group.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'Id of the member.', { ...immutable, caseExact: true }),
        // Nested groups are refused (group-input.ts, group-patch.ts): a member is always a User.
        defineAttribute('$ref', 'URI of the member resource.', { ...immutable, type: 'reference', referenceTypes: ['User'] }),
        defineAttribute('display', 'Display name of the member.', immutable),
        defineAttribute('type', 'Type of the member.', { ...immutable, canonicalValues: ['User'] }),
      ],
    }),
  ],
};
