import * as z from 'zod';
import { CAPABILITIES, NO_DATA_CAPTURE, type AssignmentInput, type DataCaptureSettings, type Grant, type SeatTypeInput, type WorkspaceInput } from '../people/company/settings-model.js';

/** The admin API's bodies for seat types, workspaces, assignments and grants; defaults filled in. */
const name = z.string().trim().min(1).max(200);
const id = z.string().trim().min(1).max(100);
/** A set of ids: a repeated id means nothing more (and one transaction cannot touch an item twice). */
const idSet = (max: number) => z.array(id).max(max).default([]).transform((ids) => [...new Set(ids)]);

export const dataCaptureSchema = z.object({
  webConferences: z.enum(['record', 'doNotRecord', 'neverRecord']).default('doNotRecord'),
  calendarMeetings: z.boolean().default(false),
  telephonyCalls: z.boolean().default(false),
  emails: z.boolean().default(false),
  mobileCalls: z.boolean().default(false),
}) satisfies z.ZodType<DataCaptureSettings>;

export const seatTypeInput = z.object({
  name,
  total: z.number().int().min(0).max(10_000_000),
  capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length).default([]),
}) satisfies z.ZodType<SeatTypeInput>;

export const workspaceInput = z.object({
  name,
  permissionProfiles: z
    .array(z.object({ id, name, requiresSeatTypeId: id.optional() }))
    .max(50)
    .default([]),
}) satisfies z.ZodType<WorkspaceInput>;

export const grantSchema = z.object({
  seatTypeIds: idSet(20),
  /** workspace id → permission profile id */
  permissions: z.record(id, id).default({}),
  dataCapture: dataCaptureSchema.default(NO_DATA_CAPTURE),
}) satisfies z.ZodType<Grant>;

export const assignmentInput = grantSchema.extend({
  name,
  groupIds: idSet(100),
  updateMode: z.enum(['manual', 'automatic']).default('automatic'),
  priority: z.number().int().min(0).max(1_000_000),
}) satisfies z.ZodType<AssignmentInput>;
