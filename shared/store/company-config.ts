import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all.js';
import { db, tableName } from './client.js';
import { recordOf } from './item.js';
import { keys } from './keys.js';
import { conditionalUpdate } from './writes.js';

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
 * A company's provisioning configuration — seat types, workspaces, assignments — lives in one
 * partition, so loading all of it is a single Query (a company has tens of these, not thousands).
 */
export interface CompanyConfig {
  seatTypes: SeatType[];
  workspaces: Workspace[];
  /** Sorted by priority (lowest first), then id. */
  assignments: Assignment[];
}

type Kind = 'seat' | 'workspace' | 'assignment';
const TYPES: Record<Kind, string> = { seat: 'SeatType', workspace: 'Workspace', assignment: 'Assignment' };

export async function loadCompanyConfig(tenantId: string): Promise<CompanyConfig> {
  const config: CompanyConfig = { seatTypes: [], workspaces: [], assignments: [] };
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.configPartition(tenantId) },
    ConsistentRead: true,
  });
  for (const item of items) {
    if (item.type === TYPES.seat) config.seatTypes.push(recordOf<SeatType>(item));
    else if (item.type === TYPES.workspace) config.workspaces.push(recordOf<Workspace>(item));
    else if (item.type === TYPES.assignment) config.assignments.push(recordOf<Assignment>(item));
  }
  config.assignments.sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
  return config;
}

/** Creates or replaces a configuration item; seat types keep their `inUse` (only seat grants move it). */
export async function saveConfigItem(tenantId: string, kind: Kind, record: { id: string }, options: { create: boolean }): Promise<boolean> {
  const key = keys.configItem(tenantId, kind, record.id);
  if (kind === 'seat' && !options.create) {
    const { id: _id, inUse: _inUse, ...fields } = record as SeatType;
    const names = Object.keys(fields);
    return conditionalUpdate({
      Key: key,
      UpdateExpression: `SET ${names.map((field) => `#${field} = :${field}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(names.map((field) => [`#${field}`, field])),
      ExpressionAttributeValues: Object.fromEntries(names.map((field) => [`:${field}`, (fields as Record<string, unknown>)[field]])),
    });
  }
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, type: TYPES[kind], ...record },
        ConditionExpression: options.create ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function deleteConfigItem(tenantId: string, kind: Kind, id: string): Promise<boolean> {
  try {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.configItem(tenantId, kind, id), ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Transaction items that take (delta 1, only while seats are left) or give back (delta -1) a seat. */
export function seatCountUpdate(tenantId: string, seatTypeId: string, delta: 1 | -1) {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.configItem(tenantId, 'seat', seatTypeId),
      UpdateExpression: 'ADD inUse :delta',
      ConditionExpression: delta === 1 ? 'attribute_exists(pk) AND inUse < #total' : 'attribute_exists(pk) AND inUse > :zero',
      ...(delta === 1 ? { ExpressionAttributeNames: { '#total': 'total' } } : {}),
      ExpressionAttributeValues: { ':delta': delta, ...(delta === -1 ? { ':zero': 0 } : {}) },
    },
  };
}
