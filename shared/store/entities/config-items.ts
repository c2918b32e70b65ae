import { defineEntity } from '../entity.js';

export type Capability = 'dataCapture' | 'forecast' | 'engage';

export interface DataCaptureSettings {
  webConferences: 'record' | 'doNotRecord' | 'neverRecord';
  calendarMeetings: boolean;
  telephonyCalls: boolean;
  emails: boolean;
  mobileCalls: boolean;
}

export interface SeatType {
  id: string;
  name: string;
  total: number;
  capabilities: Capability[];
  /** Seats held by team members now (moved atomically with each grant and release). */
  inUse: number;
}

export interface Workspace {
  id: string;
  name: string;
  permissionProfiles: Array<{ id: string; name: string; requiresSeatTypeId?: string }>;
}

/** What an assignment grants; the default assignment is one of these without groups. */
export interface Grant {
  seatTypeIds: string[];
  /** workspace id → permission profile id */
  permissions: Record<string, string>;
  dataCapture: DataCaptureSettings;
}

export interface Assignment extends Grant {
  id: string;
  name: string;
  groupIds: string[];
  updateMode: 'manual' | 'automatic';
  priority: number;
}

/** A member's effective settings: what they actually have, computed in one place (people/company/effective-settings.ts). */
export interface EffectiveSettings {
  assignmentId: string;
  updateMode: 'manual' | 'automatic';
  /** Seats the governing grant gives (held, short, or given back while inactive). */
  grantedSeatTypeIds: string[];
  /** Seats the member holds. */
  seatTypeIds: string[];
  /** Seats the assignment grants but none were left. */
  seatShortage: string[];
  permissions: Record<string, string>;
  dataCapture: DataCaptureSettings;
  /** Data capture is configured and a held seat unlocks it: the member's calls are recorded. */
  dataCaptureActive: boolean;
  /** Capabilities unlocked by the held seats. */
  capabilities: Capability[];
  /** Settings edited by hand after the assignment applied (kept in manual mode). */
  editedByHand?: boolean;
}

/**
 * A company's provisioning configuration lives in one partition (`T#<tenant>#CONFIG`), so loading
 * all of it is a single Query; the sort key says which kind of item it is.
 */
export const seatType = defineEntity<SeatType>()({
  type: 'SeatType',
  key: { pk: 'T#{tenantId}#CONFIG', sk: 'seat#{id}' },
  attributes: { id: 'string', name: 'string', total: 'number', capabilities: 'list', inUse: 'number' },
});

export const workspace = defineEntity<Workspace>()({
  type: 'Workspace',
  key: { pk: 'T#{tenantId}#CONFIG', sk: 'workspace#{id}' },
  attributes: { id: 'string', name: 'string', permissionProfiles: 'value' },
});

export const assignment = defineEntity<Assignment>()({
  type: 'Assignment',
  key: { pk: 'T#{tenantId}#CONFIG', sk: 'assignment#{id}' },
  attributes: {
    id: 'string',
    name: 'string',
    groupIds: 'list',
    updateMode: 'string',
    priority: 'number',
    seatTypeIds: 'list',
    permissions: 'value',
    dataCapture: 'value',
  },
});
