import fc from 'fast-check';
import { hostileJson, objectOf } from './json.js';
import type { BodyMode } from './scim.js';
import { boundedText, hostileString } from './strings.js';

/** What an admin body refers to: the company's domain and ids. */
export interface AdminIds {
  domain: string;
  seatIds: readonly string[];
  workspaceIds: readonly string[];
  groupIds: readonly string[];
  userIds: readonly string[];
}

const OWNED_FIELDS = ['title', 'phoneNumbers', 'timezone', 'primaryPhoneExtension', 'managerEmail', 'managerFullName', 'country', 'stateOrProvince'];

/** Bodies for every admin route that takes one, keyed by route key, as hostile as `mode` makes them. */
export function adminBodies(ids: AdminIds, { field, id }: BodyMode): Record<string, fc.Arbitrary<unknown>> {
  const name = field(boundedText(200));
  const dataCapture = fc.record(
    { webConferences: field(fc.constantFrom('record', 'doNotRecord', 'neverRecord')), calendarMeetings: field(fc.boolean()), emails: field(fc.boolean()) },
    { requiredKeys: [] },
  );
  const grant = {
    seatTypeIds: field(fc.array(id(ids.seatIds), { maxLength: 3 })),
    permissions: field(fc.array(fc.tuple(id(ids.workspaceIds), fc.constant('viewer')), { maxLength: 2 }).map(objectOf)),
    dataCapture: field(dataCapture),
  };
  const seat = fc.record({ name, total: field(fc.integer({ min: 0, max: 100 })), capabilities: field(fc.subarray(['dataCapture', 'forecast', 'engage'])) }, { requiredKeys: ['name', 'total'] });
  const profile = fc.record({ id: field(boundedText(100)), name, requiresSeatTypeId: field(id(ids.seatIds)) }, { requiredKeys: ['id', 'name'] });
  const workspace = fc.record({ name, permissionProfiles: field(fc.array(profile, { maxLength: 3 })) }, { requiredKeys: ['name'] });
  const assignment = fc.record(
    { name, priority: field(fc.integer({ min: 0, max: 1_000_000 })), groupIds: field(fc.array(id(ids.groupIds), { maxLength: 3 })), updateMode: field(fc.constantFrom('manual', 'automatic')), ...grant },
    { requiredKeys: ['name', 'priority'] },
  );
  const settings = fc.record({
    name,
    domains: field(fc.array(fc.domain(), { maxLength: 2 }).map((more) => [ids.domain, ...more])),
    allowSubdomains: field(fc.boolean()),
    defaultTimeZone: field(fc.constantFrom('America/New_York', 'Europe/Paris', 'UTC')),
    provisioningSource: field(fc.constantFrom('okta', 'custom')),
    notifyManagersOnImport: field(fc.boolean()),
    managersCanToggleDataCapture: field(fc.boolean()),
    defaultAssignment: field(fc.record(grant, { requiredKeys: [] })),
    version: field(fc.integer({ min: 1, max: 5 })),
  });
  const teamMemberEdit = fc.record(
    {
      profile: field(fc.array(fc.tuple(fc.constantFrom(...OWNED_FIELDS), field(boundedText(128))), { maxLength: 3 }).map(objectOf)),
      settings: field(fc.record({ permissions: grant.permissions, dataCapture: field(dataCapture) }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );
  const dataCaptureEdit = fc.record({ actingUserId: field(id(ids.userIds)), dataCapture: field(dataCapture) }, { requiredKeys: ['dataCapture'] });
  const connection = fc.record({ name: field(boundedText(100)), source: field(fc.constantFrom('okta', 'custom')) }, { requiredKeys: ['name'] });
  const adminToken = fc.record({ days: field(fc.oneof(fc.integer({ min: -10, max: 4_000 }), fc.double())) }, { requiredKeys: [] });

  const withExtras = <T extends object>(body: fc.Arbitrary<T>) =>
    fc.tuple(body, fc.array(fc.tuple(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), hostileJson), { maxLength: 2 })).map(([value, extra]) => objectOf([...Object.entries(value), ...extra]));

  return {
    'PUT /admin/v1/settings': withExtras(settings),
    'POST /admin/v1/seats': withExtras(seat),
    'PUT /admin/v1/seats/{id}': withExtras(seat),
    'POST /admin/v1/workspaces': withExtras(workspace),
    'PUT /admin/v1/workspaces/{id}': withExtras(workspace),
    'POST /admin/v1/assignments': withExtras(assignment),
    'PUT /admin/v1/assignments/{id}': withExtras(assignment),
    'PATCH /admin/v1/team-members/{id}': withExtras(teamMemberEdit),
    'PUT /admin/v1/team-members/{id}/data-capture': withExtras(dataCaptureEdit),
    'POST /admin/v1/connections': withExtras(connection),
    'POST /admin/v1/admin-tokens': withExtras(adminToken),
    'POST /admin/v1/admin-tokens/{id}/rotate': withExtras(adminToken),
  };
}

/** Query parameters of the admin lists. */
export const adminListParameters = ['manager', 'active', 'assignment', 'seatShortage', 'cursor', 'count'] as const;
