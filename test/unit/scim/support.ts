import { isRosterError, type RosterError } from '../../../shared/errors.js';
import type { JsonObject } from '../../../shared/scim/json.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, PATCH_OP, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../../../shared/scim/schema/urns.js';

/** Runs `run` and returns the RosterError it throws; fails the test if it throws nothing or something else. */
export function errorOf(run: () => unknown): RosterError {
  try {
    run();
  } catch (error) {
    if (isRosterError(error)) return error;
    throw error;
  }
  throw new Error('expected a RosterError, but nothing was thrown');
}

export const patchBody = (...operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });

export function sampleUser(): JsonObject {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA],
    id: 'u-1',
    externalId: '00ujl29u0le5T6Aj10h7',
    userName: 'Jane.Doe@example.com',
    name: { givenName: 'Jane', familyName: 'Doe' },
    displayName: 'Jane Doe',
    title: 'Engineer',
    locale: 'en-US',
    active: true,
    emails: [
      { value: 'jane.doe@example.com', type: 'work', primary: true },
      { value: 'jane@home.example', type: 'home' },
    ],
    phoneNumbers: [{ value: '+33 1 23 45 67 89', type: 'work' }],
    groups: [{ value: 'g-1', $ref: 'https://roster.test/scim/v2/Groups/g-1', type: 'direct' }],
    [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '42', manager: { value: 'u-0', displayName: 'Boss' } },
    [ROSTER_USER_SCHEMA]: { country: 'FR', resolvedTimeZone: 'Europe/Paris', timeZoneSource: 'country', managerResolution: 'id' },
    meta: {
      resourceType: 'User',
      created: '2024-01-02T03:04:05.000Z',
      lastModified: '2024-06-01T00:00:00.000Z',
      location: 'https://roster.test/scim/v2/Users/u-1',
      version: 'W/"3"',
    },
  };
}

export function sampleGroup(): JsonObject {
  return {
    schemas: [GROUP_SCHEMA],
    id: 'g-1',
    displayName: 'Sales',
    members: [
      { value: 'u-1', display: 'jane.doe@example.com' },
      { value: 'u-2', display: 'john.roe@example.com' },
    ],
    meta: { resourceType: 'Group', location: 'https://roster.test/scim/v2/Groups/g-1', version: 'W/"1"' },
  };
}
