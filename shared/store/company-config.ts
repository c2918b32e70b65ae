import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all.js';
import { db, tableName } from './client.js';
import { updateExpression } from './entity.js';
import { assignment, seatType, workspace, type Assignment, type SeatType, type Workspace } from './entities/config-items.js';
import { isConditionFailure, conditionalUpdate } from './writes.js';
import { ConditionFailed, transactWrite, type TransactItem } from './transactions.js';

export type {
  Assignment,
  Capability,
  DataCaptureSettings,
  EffectiveSettings,
  Grant,
  SeatType,
  Workspace,
} from './entities/config-items.js';

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
const ENTITIES = { seat: seatType, workspace, assignment } as const;

export async function loadCompanyConfig(tenantId: string): Promise<CompanyConfig> {
  const config: CompanyConfig = { seatTypes: [], workspaces: [], assignments: [] };
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': seatType.partition({ tenantId }) },
    ConsistentRead: true,
  });
  for (const item of items) {
    if (seatType.is(item)) config.seatTypes.push(seatType.fromItem(item));
    else if (workspace.is(item)) config.workspaces.push(workspace.fromItem(item));
    else if (assignment.is(item)) config.assignments.push(assignment.fromItem(item));
  }
  config.assignments.sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
  return config;
}

/** Creates or replaces a configuration item; seat types keep their `inUse` (only seat grants move it). */
export async function saveConfigItem(tenantId: string, kind: Kind, record: { id: string }, options: { create: boolean }): Promise<boolean> {
  const entity = ENTITIES[kind];
  const key = entity.key({ tenantId, id: record.id });
  if (kind === 'seat' && !options.create) {
    const { id: _id, inUse: _inUse, ...fields } = record as SeatType;
    const update = seatType.update(fields, Object.keys(fields) as Array<keyof typeof fields>);
    return conditionalUpdate({
      Key: key,
      UpdateExpression: updateExpression(update),
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: update.names,
      ExpressionAttributeValues: update.values,
    });
  }
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: entity.toItem(record as SeatType & Workspace & Assignment, { tenantId }),
        ConditionExpression: options.create ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function deleteConfigItem(tenantId: string, kind: Kind, id: string): Promise<boolean> {
  try {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: ENTITIES[kind].key({ tenantId, id }), ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Transaction items that take (delta 1, only while seats are left: SeatsExhausted otherwise) or
 * give back (delta -1) a seat.
 */
export function seatCountUpdate(tenantId: string, seatTypeId: string, delta: 1 | -1): TransactItem {
  return {
    ...(delta === 1 ? { conflict: { seat: seatTypeId } } : {}),
    Update: {
      TableName: tableName(),
      Key: seatType.key({ tenantId, id: seatTypeId }),
      UpdateExpression: 'ADD inUse :delta',
      ConditionExpression: delta === 1 ? 'attribute_exists(pk) AND inUse < #total' : 'attribute_exists(pk) AND inUse > :zero',
      ...(delta === 1 ? { ExpressionAttributeNames: { '#total': 'total' } } : {}),
      ExpressionAttributeValues: { ':delta': delta, ...(delta === -1 ? { ':zero': 0 } : {}) },
    },
  };
}

/**
 * A transaction item that takes `delta` seats (`delta` > 0) of a seat type at once, only while the
 * total is still the one read (`total`) and all of them fit under it — or gives back `-delta`
 * seats. One item for many members' grants, where seatCountUpdate moves one seat.
 */
export function seatCountChange(tenantId: string, seatTypeId: string, delta: number, total: number): TransactItem {
  const taking = delta > 0;
  return {
    ...(taking ? { conflict: { seat: seatTypeId } } : {}),
    Update: {
      TableName: tableName(),
      Key: seatType.key({ tenantId, id: seatTypeId }),
      UpdateExpression: 'ADD inUse :delta',
      ConditionExpression: taking ? 'attribute_exists(pk) AND #total = :total AND inUse <= :most' : 'attribute_exists(pk) AND inUse >= :least',
      ...(taking ? { ExpressionAttributeNames: { '#total': 'total' } } : {}),
      ExpressionAttributeValues: { ':delta': delta, ...(taking ? { ':total': total, ':most': total - delta } : { ':least': -delta }) },
    },
  };
}

/**
 * Swaps the priorities of two assignments in one transaction, only if both still have the
 * priorities read (false otherwise: someone reordered meanwhile).
 */
export async function swapAssignmentPriorities(tenantId: string, first: Assignment, second: Assignment): Promise<boolean> {
  const setPriority = (record: Assignment, priority: number): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: assignment.key({ tenantId, id: record.id }),
      UpdateExpression: 'SET priority = :next',
      ConditionExpression: 'attribute_exists(pk) AND priority = :read',
      ExpressionAttributeValues: { ':next': priority, ':read': record.priority },
    },
  });
  try {
    await transactWrite([setPriority(first, second.priority), setPriority(second, first.priority)]);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}
