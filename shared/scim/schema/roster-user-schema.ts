import { defineAttribute } from './define-attribute.js';
import type { SchemaDefinition } from './types.js';
import { ROSTER_USER_SCHEMA } from './urns.js';

const resolved = { mutability: 'readOnly' } as const;

export const ROSTER_USER_EXTENSION: SchemaDefinition = {
  id: ROSTER_USER_SCHEMA,
  name: 'RosterUser',
  description: 'Roster team member attributes',
  attributes: [
    defineAttribute('managerEmail', 'Email of the manager, used when manager.value is not sent.'),
    defineAttribute('managerFullName', 'Full name of the manager, used as the last fallback.'),
    defineAttribute('primaryPhoneExtension', 'Extension of the primary work phone number.'),
    defineAttribute('country', 'Country of the user (name or ISO 3166-1 code).'),
    defineAttribute('stateOrProvince', 'State or province of the user.'),
    defineAttribute('resolvedTimeZone', 'The IANA time zone Roster uses for the user.', { ...resolved, caseExact: true }),
    defineAttribute('timeZoneSource', 'Where resolvedTimeZone came from.', {
      ...resolved,
      canonicalValues: ['timezone', 'country', 'stateOrProvince', 'companyDefault'],
    }),
    defineAttribute('managerId', 'Roster id of the resolved manager.', { ...resolved, caseExact: true }),
    defineAttribute('managerResolution', 'How the manager was resolved.', {
      ...resolved,
      canonicalValues: ['email', 'id', 'fullName', 'ambiguous', 'cycle', 'notFound', 'none'],
    }),
  ],
};
