import type { Assignment, Capability, EffectiveSettings, Grant, SeatType, Workspace } from '../../store/company-config.js';
import { DEFAULT_ASSIGNMENT_ID, EMPTY_GRANT } from './settings-model.js';

/**
 * The stored settings name the seats the governing grant requests `grantedSeatTypeIds` and the
 * seats the member holds `seatTypeIds`; these say which is which.
 */
export const requestedSeatTypeIds = (settings: EffectiveSettings): string[] => settings.grantedSeatTypeIds;
export const heldSeatTypeIds = (settings: EffectiveSettings | undefined): string[] => settings?.seatTypeIds ?? [];

/** What a member should have before seats are counted: the assignment and what it grants. */
export interface SettingsTarget {
  assignmentId: string;
  updateMode: 'manual' | 'automatic';
  grant: Grant;
  editedByHand?: boolean;
}

/**
 * The assignment that governs a member: the first (by priority) whose groups include one of the
 * member's groups, else the company's default assignment.
 */
export function chooseAssignment(groupIds: readonly string[], assignments: readonly Assignment[], defaultGrant: Grant | undefined): SettingsTarget {
  const groups = new Set(groupIds);
  const assignment = assignments.find((candidate) => candidate.groupIds.some((groupId) => groups.has(groupId)));
  if (!assignment) return { assignmentId: DEFAULT_ASSIGNMENT_ID, updateMode: 'automatic', grant: defaultGrant ?? EMPTY_GRANT };
  const { seatTypeIds, permissions, dataCapture } = assignment;
  return { assignmentId: assignment.id, updateMode: assignment.updateMode, grant: { seatTypeIds, permissions, dataCapture } };
}

/**
 * Governance: an `automatic` assignment is recomputed on every change; a `manual` one applies when
 * the member first falls under it and is then kept (later group changes in the identity provider
 * do not change it; the admin may edit it).
 */
export function settingsTarget(
  current: EffectiveSettings | undefined,
  groupIds: readonly string[],
  assignments: readonly Assignment[],
  defaultGrant: Grant | undefined,
): SettingsTarget {
  if (current?.updateMode === 'manual' && current.assignmentId !== DEFAULT_ASSIGNMENT_ID) {
    return {
      assignmentId: current.assignmentId,
      updateMode: 'manual',
      grant: { seatTypeIds: requestedSeatTypeIds(current), permissions: current.permissions, dataCapture: current.dataCapture },
      ...(current.editedByHand ? { editedByHand: true } : {}),
    };
  }
  return chooseAssignment(groupIds, assignments, defaultGrant);
}

/**
 * The effective settings once seats are known: features that need a seat are off without it —
 * permission profiles that require a seat type the member does not hold are dropped, and data
 * capture is active only with a seat that unlocks it.
 */
export function effectiveSettings(target: SettingsTarget, heldSeats: readonly string[], seatTypes: readonly SeatType[], workspaces: readonly Workspace[]): EffectiveSettings {
  const held = new Set(heldSeats);
  const capabilities = [...new Set(seatTypes.filter((seat) => held.has(seat.id)).flatMap((seat) => seat.capabilities))].sort() as Capability[];
  const profiles = new Map(workspaces.flatMap((workspace) => workspace.permissionProfiles.map((profile) => [`${workspace.id}/${profile.id}`, profile])));
  const permissions = Object.fromEntries(
    Object.entries(target.grant.permissions).filter(([workspaceId, profileId]) => {
      const profile = profiles.get(`${workspaceId}/${profileId}`);
      return profile !== undefined && (!profile.requiresSeatTypeId || held.has(profile.requiresSeatTypeId));
    }),
  );
  const { dataCapture } = target.grant;
  const capturesSomething =
    dataCapture.webConferences === 'record' || dataCapture.calendarMeetings || dataCapture.telephonyCalls || dataCapture.emails || dataCapture.mobileCalls;
  return {
    assignmentId: target.assignmentId,
    updateMode: target.updateMode,
    grantedSeatTypeIds: [...target.grant.seatTypeIds].sort(),
    seatTypeIds: [...heldSeats].sort(),
    seatShortage: target.grant.seatTypeIds.filter((seatId) => !held.has(seatId)).sort(),
    permissions,
    dataCapture,
    dataCaptureActive: capturesSomething && capabilities.includes('dataCapture'),
    capabilities,
    ...(target.editedByHand ? { editedByHand: true } : {}),
  };
}
