import type { Principal } from '../../auth/principal.js';
import { notFound, RosterError } from '../../errors.js';
import { applyManualValue, FieldNotEditable, type FieldOwnership } from '../../profile/field-ownership.js';
import { loadCompanyConfig, type CompanyConfig, type DataCaptureSettings, type EffectiveSettings } from '../../store/company-config.js';
import { listRejections, type RejectionRecord } from '../../store/rejections.js';
import {
  findDirectReports,
  getTeamMember,
  getTeamMembersByUserNames,
  listTeamMembersByCursor,
  replaceTeamMember,
  VersionConflict,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';
import { actorOf, ADMIN_ACTOR, managerActor } from '../actors.js';
import { assignmentName } from '../company/assignment-name.js';
import { checkGrant } from '../company/company-config-admin.js';
import { requestedSeatTypeIds } from '../company/effective-settings.js';
import { writeEditedSettings } from '../company/refresh-effective-settings.js';
import { notificationState, type NotificationState } from '../notifications/notification-state.js';
import { managerDataCaptureControl } from './data-capture-control.js';
import { memberHistoryPage } from './member-history.js';
import { OWNED_FIELDS, readOwnedFields, writeOwnedFields, type OwnedField, type OwnedFieldValues } from './owned-fields.js';
import { normalizedState } from './team-members.js';

/** A member, the ids of its (not deleted) direct reports, and what became of its manager's notification. */
export async function teamMemberWithReports(
  tenantId: string,
  id: string,
): Promise<{ member: TeamMemberRecord; directReportIds: string[]; notification: NotificationState }> {
  const member = await visibleTeamMember(tenantId, id);
  const [reports, notification] = await Promise.all([findDirectReports(tenantId, id), notificationState(member)]);
  return { member, directReportIds: reports.filter((report) => !report.deletedAt).map((report) => report.id), notification };
}

/** A member's history, newest first, a page at a time (404 for a member that is not, or no longer, there). */
export async function teamMemberHistory(tenantId: string, id: string, page: { cursor?: string; count: number }) {
  await visibleTeamMember(tenantId, id);
  return memberHistoryPage(tenantId, id, { limit: page.count, ...(page.cursor ? { cursor: page.cursor } : {}) });
}

/**
 * Under an automatic assignment the provider is the only way in: a member it sends without a
 * manager email (and not linked to a manager otherwise) has no place in the hierarchy, so no
 * manager sees them in My team or is told about them.
 */
export const NO_MANAGER_EMAIL_FLAG =
  'managerEmail: none from Okta while an automatic assignment governs the member, so no manager is linked or notified; set the manager email in Okta';

const governedWithoutManagerEmail = (member: TeamMemberRecord) =>
  member.effective?.updateMode === 'automatic' && !member.managerId && !readOwnedFields(member.attributes).managerEmail;

/**
 * What an admin should look at: values Roster could not use, an ambiguous manager, a missing seat,
 * a member governed automatically without a manager email.
 */
export function flagsOf(member: TeamMemberRecord, seatName: (seatTypeId: string) => string = (seatTypeId) => seatTypeId): string[] {
  return [
    ...member.resolved.issues.map((issue) => `${issue.field}: ${issue.reason}`),
    ...(member.resolved.managerResolution === 'ambiguous' ? ['manager: ambiguous'] : []),
    ...(member.effective?.seatShortage.length ? [`seatShortage: ${member.effective.seatShortage.map(seatName).join(', ')}`] : []),
    ...(governedWithoutManagerEmail(member) ? [NO_MANAGER_EMAIL_FLAG] : []),
  ];
}

/** Each owned field of a member: its value, who set it (`empty` when nobody has), and whether a hand edit may still set it. */
export function ownedFieldStates(member: TeamMemberRecord): Array<{ field: OwnedField; value: unknown; source: string; editableByHand: boolean }> {
  const values = readOwnedFields(member.attributes);
  return (Object.keys(OWNED_FIELDS) as OwnedField[]).map((field) => {
    const source = member.ownership.sources[field];
    return { field, value: values[field] ?? null, source: source ?? 'empty', editableByHand: source === undefined };
  });
}

/** The fields a flag can be about (the part of `flagsOf` before the colon), to list members by. */
export const FLAG_FIELDS = ['seatShortage', 'manager', 'managerEmail', 'phoneNumbers', 'country', 'stateOrProvince', 'timezone', 'locale'] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

export interface TeamMemberFilters {
  /** Direct reports of this member (read through the reports index). */
  manager?: string;
  active?: boolean;
  assignment?: string;
  seatShortage?: boolean;
  /** Members with a flag about this field. */
  flag?: FlagField;
  cursor?: string;
  count: number;
}

/**
 * `manager` reads the reports index; the other filters are applied to one page of the company's
 * members at a time, so a page may hold fewer than `count` matches — follow `nextCursor` until
 * it is absent.
 */
export async function listTeamMembersForAdmin(tenantId: string, filters: TeamMemberFilters): Promise<{ items: TeamMemberRecord[]; nextCursor?: string }> {
  const page = filters.manager
    ? { items: await findDirectReports(tenantId, filters.manager), nextCursor: undefined }
    : await listTeamMembersByCursor(tenantId, filters.cursor, filters.count);
  const items = page.items.filter(
    (member) =>
      !member.deletedAt &&
      (filters.active === undefined || member.active === filters.active) &&
      (filters.assignment === undefined || member.effective?.assignmentId === filters.assignment) &&
      (filters.seatShortage === undefined || Boolean(member.effective?.seatShortage.length) === filters.seatShortage) &&
      (filters.flag === undefined || flagsOf(member).some((flag) => flag.startsWith(`${filters.flag}: `))),
  );
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Hand-edited settings: permissions and data capture (seats follow the assignment). */
export interface SettingsEdit {
  permissions?: Record<string, string>;
  dataCapture?: Partial<DataCaptureSettings>;
}

export interface TeamMemberEdit {
  profile?: OwnedFieldValues;
  settings?: SettingsEdit;
}

/**
 * Profile fields by hand under the ownership rules (a provisioned field cannot be edited; an
 * empty one can be set once), settings under governance (refused while an automatic assignment
 * governs the member).
 */
export async function editTeamMember(principal: Principal, id: string, edit: TeamMemberEdit): Promise<void> {
  if (edit.profile && Object.keys(edit.profile).length) await editProfile(principal, id, edit.profile);
  if (edit.settings) await editSettings(principal.tenantId, await visibleTeamMember(principal.tenantId, id), edit.settings, { changedBy: actorOf(principal) });
}

export interface DataCaptureChange {
  /** The manager making the change; absent for a tech admin. */
  actingUserId?: string;
  dataCapture: Partial<DataCaptureSettings>;
}

/**
 * A tech admin (no acting user) may edit any member not governed automatically; a manager
 * (actingUserId) only under the rule of the "My team" switch (managerDataCaptureControl).
 */
export async function setDataCapture(tenantId: string, id: string, { actingUserId, dataCapture }: DataCaptureChange): Promise<void> {
  const member = await visibleTeamMember(tenantId, id);
  const config = await loadCompanyConfig(tenantId);
  if (actingUserId !== undefined) {
    const [company, manager] = await Promise.all([getTenant(tenantId), getTeamMember(tenantId, actingUserId)]);
    if (!company) throw refused('This company no longer exists.');
    if (!manager) throw refused('The acting manager is not a team member of this company.');
    const control = managerDataCaptureControl({ company, manager, member, assignmentName: assignmentName(member, config) });
    if (!control.canChange) throw refused(control.reason);
  }
  // The member's history records the change from the table's stream, with this actor.
  await editSettings(tenantId, member, { dataCapture }, { config, changedBy: actingUserId === undefined ? ADMIN_ACTOR : managerActor(actingUserId) });
}

/** Rejected imports not fixed since (newest first) and one page of members flagged for the admin. */
export async function importProblems(tenantId: string, cursor: string | undefined): Promise<{ rejections: RejectionRecord[]; flagged: TeamMemberRecord[]; nextCursor?: string }> {
  const [rejections, page] = await Promise.all([listRejections(tenantId).then((all) => unfixed(tenantId, all)), listTeamMembersByCursor(tenantId, cursor, 200)]);
  return {
    rejections,
    flagged: page.items.filter((member) => !member.deletedAt && flagsOf(member).length),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * A refusal is fixed once the provider has written that person successfully since: a member with
 * the userName exists and was written after the refusal. Read per page shown (two batch reads),
 * so imports pay nothing for it.
 */
async function unfixed(tenantId: string, rejections: RejectionRecord[]): Promise<RejectionRecord[]> {
  const userNames = [...new Set(rejections.flatMap((refused) => (refused.userName ? [refused.userName.toLowerCase()] : [])))];
  if (!userNames.length) return rejections;
  const writtenAt = new Map((await getTeamMembersByUserNames(tenantId, userNames)).filter((member) => !member.deletedAt).map((member) => [member.userName.toLowerCase(), member.updatedAt]));
  return rejections.filter((refused) => {
    const written = refused.userName ? writtenAt.get(refused.userName.toLowerCase()) : undefined;
    return !written || written < refused.at;
  });
}

async function editProfile(principal: Principal, id: string, values: OwnedFieldValues) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const previous = await visibleTeamMember(principal.tenantId, id);
    let ownership: FieldOwnership = previous.ownership;
    try {
      for (const [field, value] of Object.entries(values)) ownership = applyManualValue(ownership, field, value);
    } catch (error) {
      if (error instanceof FieldNotEditable) throw new RosterError(409, error.message, { code: 'field_locked', details: { field: error.field, reason: error.why } });
      throw error;
    }
    const attributes = structuredClone(previous.attributes);
    writeOwnedFields(attributes, values);
    const state = await normalizedState(
      principal,
      id,
      { userName: previous.userName, ...(previous.externalId ? { externalId: previous.externalId } : {}), active: previous.active, attributes },
      ownership,
    );
    const at = new Date().toISOString();
    const next: TeamMemberRecord = { ...previous, ...state, version: previous.version + 1, updatedAt: at, updatedBy: ADMIN_ACTOR, changedBy: actorOf(principal), changedAt: at };
    if (!state.managerId) delete next.managerId;
    try {
      await replaceTeamMember(previous, next);
      return;
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
    }
  }
  throw new RosterError(409, 'The team member kept changing; retry.', { code: 'conflict' });
}

async function editSettings(
  tenantId: string,
  member: TeamMemberRecord,
  edit: SettingsEdit,
  { config: known, changedBy }: { config?: CompanyConfig; changedBy: string },
): Promise<EffectiveSettings> {
  const current = member.effective;
  if (!current) throw new RosterError(409, 'The member\'s settings are still being computed; retry in a moment.', { code: 'not_ready' });
  if (current.updateMode === 'automatic') {
    throw refused('These settings are governed automatically by an assignment (update mode "automatic"): change them in Okta groups or in the assignment.');
  }
  const config = known ?? (await loadCompanyConfig(tenantId));
  const grant = {
    seatTypeIds: requestedSeatTypeIds(current),
    permissions: edit.permissions ?? current.permissions,
    dataCapture: { ...current.dataCapture, ...edit.dataCapture },
  };
  checkGrant(config, grant);
  return writeEditedSettings(member, { assignmentId: current.assignmentId, updateMode: current.updateMode, grant }, config, changedBy);
}

/** A member the admin can see (not deleted), or 404. */
export async function visibleTeamMember(tenantId: string, id: string): Promise<TeamMemberRecord> {
  const member = await getTeamMember(tenantId, id);
  if (!member || member.deletedAt) throw notFound(`Team member ${id} not found.`);
  return member;
}

function refused(message: string): RosterError {
  return new RosterError(403, message, { code: 'not_allowed' });
}
