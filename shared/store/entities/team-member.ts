import { NO_OWNERSHIP, type FieldOwnership } from '../../profile/field-ownership.js';
import { defineEntity } from '../entity.js';
import type { EffectiveSettings } from './config-items.js';

/** A team member as stored: bookkeeping plus the writable SCIM attributes. */
export interface TeamMemberRecord {
  tenantId: string;
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  userName: string;
  externalId?: string;
  active: boolean;
  /**
   * `<kind>:<value>` keys the member can be found by (every email, employee number, full name);
   * each gets an edge item, kept in step with the member in the same transaction.
   */
  identifiers: string[];
  /** The writable SCIM representation (core attributes and extension objects), normalised. */
  attributes: Record<string, unknown>;
  /** What Roster worked out: time zone, manager link, flagged values (read-only on the wire). */
  resolved: ResolvedProfile;
  managerId?: string;
  /** Identifiers of a manager who has not been imported yet; the member is linked when they are. */
  awaiting: string[];
  /** Which profile fields came from the identity provider and which were set by hand. */
  ownership: FieldOwnership;
  /** Seats, permissions and data capture the member has (absent until first computed). */
  effective?: EffectiveSettings;
  /** Counts writes of `effective`, so concurrent recomputations cannot overwrite each other. */
  effectiveVersion: number;
  /** Groups the member belongs to (the user side of the membership edges). */
  groupIds: string[];
  /** The display name the member's membership edges carry (see memberships.ts). */
  edgeDisplay?: string;
  deletedAt?: string;
  /**
   * Who made the latest write of any part of the item (`connection:<id>`, `admin`, `manager:<id>`,
   * `roster` for Roster's own follow-ups) and when: written with every write, in the same request,
   * so the member's history (derived from the table's stream) knows each change's actor.
   */
  changedBy?: string;
  changedAt?: string;
  /** Set when the member's personal values were erased (on request, or after the company's retention). */
  erasedAt?: string;
}

export interface ResolvedProfile {
  resolvedTimeZone: string;
  timeZoneSource: 'timezone' | 'country' | 'stateOrProvince' | 'companyDefault';
  managerResolution: 'email' | 'id' | 'fullName' | 'ambiguous' | 'cycle' | 'notFound' | 'none';
  /** Values kept as given but flagged (an unparsable phone number, an unknown country, …). */
  issues: Array<{ field: string; reason: string }>;
}

export const teamMember = defineEntity<TeamMemberRecord>()({
  type: 'TeamMember',
  key: { pk: 'T#{tenantId}#U#{id}', sk: '#USER' },
  attributes: {
    tenantId: 'string',
    id: 'string',
    version: 'number',
    createdAt: 'string',
    updatedAt: 'string',
    createdBy: 'string',
    updatedBy: 'string',
    userName: 'string',
    externalId: 'string',
    active: 'boolean',
    identifiers: { kind: 'list', default: () => [] },
    attributes: { kind: 'value', default: () => ({}) },
    resolved: 'value',
    managerId: 'string',
    awaiting: { kind: 'list', default: () => [] },
    ownership: { kind: 'value', default: () => NO_OWNERSHIP },
    effective: 'value',
    effectiveVersion: { kind: 'number', default: () => 0 },
    groupIds: { kind: 'set', default: () => [] },
    edgeDisplay: 'string',
    deletedAt: 'string',
    changedBy: 'string',
    changedAt: 'string',
    erasedAt: 'string',
  },
  indexes: {
    list: { pk: 'T#{tenantId}#users', sk: '{id}' },
    lookup: { pk: 'T#{tenantId}#users#name#{userName}', sk: 'users' },
    external: { pk: 'T#{tenantId}#users#ext#{externalId}', sk: 'users' },
    reports: { pk: 'T#{tenantId}#MGR#{managerId}', sk: '{id}' },
    // Kept when the member is hidden: offboarding and erasure find hidden members here.
    tenant: { pk: 'T#{tenantId}#ALL', sk: 'U#{id}' },
  },
  caseFolded: ['userName'],
});
