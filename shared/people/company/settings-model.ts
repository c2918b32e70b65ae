import * as z from 'zod';
import type { Capability, DataCaptureSettings, Grant } from '../../store/company-config.js';

export type { Assignment, Capability, DataCaptureSettings, EffectiveSettings, Grant, SeatType, Workspace } from '../../store/company-config.js';

/**
 * The admin-side provisioning model (the article's "Create automatic assignments"): seat types,
 * workspaces with permission profiles, data capture settings and assignments. The zod schemas
 * validate admin input; the types come from them.
 */
export const CAPABILITIES = ['dataCapture', 'forecast', 'engage'] as const satisfies readonly Capability[];

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
});
export const NO_DATA_CAPTURE: DataCaptureSettings = dataCaptureSchema.parse({});

export const seatTypeInput = z.object({
  name,
  total: z.number().int().min(0).max(10_000_000),
  capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length).default([]),
});
export type SeatTypeInput = z.infer<typeof seatTypeInput>;

export const workspaceInput = z.object({
  name,
  permissionProfiles: z
    .array(z.object({ id, name, requiresSeatTypeId: id.optional() }))
    .max(50)
    .default([]),
});
export type WorkspaceInput = z.infer<typeof workspaceInput>;

/** What an assignment grants; the default assignment is one of these without groups. */
export const grantSchema = z.object({
  seatTypeIds: idSet(20),
  /** workspace id → permission profile id */
  permissions: z.record(id, id).default({}),
  dataCapture: dataCaptureSchema.default(NO_DATA_CAPTURE),
});
export const EMPTY_GRANT: Grant = grantSchema.parse({});

export const assignmentInput = grantSchema.extend({
  name,
  groupIds: idSet(100),
  updateMode: z.enum(['manual', 'automatic']).default('automatic'),
  priority: z.number().int().min(0).max(1_000_000),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const DEFAULT_ASSIGNMENT_ID = 'default';

