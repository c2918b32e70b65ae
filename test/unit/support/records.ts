import type { GroupRecord } from '../../../shared/store/groups.js';
import type { TeamMemberRecord } from '../../../shared/store/team-members.js';
import type { TenantRecord } from '../../../shared/store/tenants.js';
import { NO_OWNERSHIP } from '../../../shared/profile/field-ownership.js';

/** The company of the unit tests: one domain, New York as its default time zone, subdomains refused. */
export const company = (overrides: Partial<TenantRecord> = {}): TenantRecord => ({
  tenantId: 't',
  name: 'Co',
  domains: ['example.com'],
  defaultTimeZone: 'America/New_York',
  provisioningSource: 'okta',
  notifyManagersOnImport: false,
  managersCanToggleDataCapture: false,
  createdAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...overrides,
});

/**
 * A stored team member. Cast because the record grows fields (effective settings…) that the pure
 * modules under test never read; the fields below are the ones they do.
 */
export const teamMemberRecord = (overrides: Partial<TeamMemberRecord> = {}): TeamMemberRecord =>
  ({
    tenantId: 't',
    id: 'u-1',
    version: 3,
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    createdBy: 'c-1',
    updatedBy: 'c-1',
    userName: 'jane.doe@example.com',
    externalId: '00ujl29u0le5T6Aj10h7',
    active: true,
    identifiers: ['email:jane.doe@example.com'],
    attributes: {
      userName: 'jane.doe@example.com',
      name: { givenName: 'Jane', familyName: 'Doe' },
      emails: [{ value: 'jane.doe@example.com', type: 'work', primary: true }],
    },
    resolved: { resolvedTimeZone: 'America/New_York', timeZoneSource: 'companyDefault', managerResolution: 'none', issues: [] },
    awaiting: [],
    ownership: NO_OWNERSHIP,
    groupIds: [],
    ...overrides,
  }) as TeamMemberRecord;

export const groupRecord = (overrides: Partial<GroupRecord> = {}): GroupRecord => ({
  tenantId: 't',
  id: 'g-1',
  displayName: 'Sales',
  version: 2,
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  createdBy: 'c-1',
  updatedBy: 'c-1',
  ...overrides,
});
