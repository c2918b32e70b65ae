import type { Assignment, Capability, DataCaptureSettings, Grant, SeatType, Workspace } from '../../store/company-config.js';

export type { Assignment, Capability, DataCaptureSettings, EffectiveSettings, Grant, SeatType, Workspace } from '../../store/company-config.js';

/**
 * The provisioning model (the article's "Create automatic assignments"): seat types, workspaces
 * with permission profiles, data capture settings and assignments, and what the company starts
 * with. Inputs are what a writer chooses; ids and seat counts are Roster's.
 */
export const CAPABILITIES = ['dataCapture', 'forecast', 'engage'] as const satisfies readonly Capability[];

export const NO_DATA_CAPTURE: DataCaptureSettings = {
  webConferences: 'doNotRecord',
  calendarMeetings: false,
  telephonyCalls: false,
  emails: false,
  mobileCalls: false,
};

export const EMPTY_GRANT: Grant = { seatTypeIds: [], permissions: {}, dataCapture: NO_DATA_CAPTURE };

export type SeatTypeInput = Omit<SeatType, 'id' | 'inUse'>;
export type WorkspaceInput = Omit<Workspace, 'id'>;
export type AssignmentInput = Omit<Assignment, 'id'>;

export const DEFAULT_ASSIGNMENT_ID = 'default';
