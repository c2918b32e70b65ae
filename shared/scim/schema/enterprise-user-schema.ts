import { defineAttribute } from './define-attribute.js';
import type { SchemaDefinition } from './types.js';
import { ENTERPRISE_USER_SCHEMA } from './urns.js';

export const ENTERPRISE_USER_EXTENSION: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    defineAttribute('employeeNumber', 'Identifier of the user within the organization.'),
    defineAttribute('costCenter', 'Name of a cost center.'),
    defineAttribute('organization', 'Name of an organization.'),
    defineAttribute('division', 'Name of a division.'),
    defineAttribute('department', 'Name of a department.'),
    defineAttribute('manager', 'The user\'s manager.', {
      subAttributes: [
        defineAttribute('value', 'Id of the manager: matched against Roster id, then externalId, then employeeNumber.'),
        defineAttribute('$ref', 'URI of the manager\'s User resource.', { type: 'reference', referenceTypes: ['User'] }),
        defineAttribute('displayName', 'Display name of the manager.', { mutability: 'readOnly' }),
      ],
    }),
  ],
};
