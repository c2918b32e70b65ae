import * as z from 'zod';
import type { Principal } from '../../auth/principal.js';
import { notFound, RosterError } from '../../errors.js';
import { applyManualValue, FieldNotEditable, type FieldOwnership } from '../../profile/field-ownership.js';
import { ROSTER_USER_SCHEMA } from '../../scim/schema/urns.js';
import { userAttributeSchema } from '../../scim/resources/user-input.js';
import { loadCompanyConfig, type EffectiveSettings } from '../../store/company-config.js';
import { listRejections } from '../../store/rejections.js';
import {
  findDirectReports,
  getTeamMember,
  listTeamMembersByCursor,
  replaceTeamMember,
  VersionConflict,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';
import { checkGrant } from '../company/company-config-admin.js';
import { OWNED_FIELDS, readOwnedFields, writeOwnedFields, type OwnedField } from './owned-fields.js';
import { writeEditedSettings } from '../company/refresh-effective-settings.js';
import { dataCaptureSchema } from '../company/settings-model.js';
import { normalizedState } from './team-members.js';
import { validateInput } from '../validate-input.js';

/** A team member as the admin API shows it: profile, who owns each field, manager, reports, settings, flags. */
export async function teamMemberView(tenantId: string, id: string) {
  const member = await memberOrFail(tenantId, id);
  const reports = await findDirectReports(tenantId, id);
  return { ...summary(member), directReportIds: reports.filter((report) => !report.deletedAt).map((report) => report.id) };
}

function summary(member: TeamMemberRecord) {
  const values = readOwnedFields(member.attributes);
  return {
    id: member.id,
    userName: member.userName,
    active: member.active,
    profile: member.attributes,
    fields: Object.fromEntries(
      Object.keys(OWNED_FIELDS).map((field) => {
        const source = member.ownership.sources[field];
        return [field, { value: values[field] ?? null, source: source ?? 'empty', editableByHand: source === undefined }];
      }),
    ),
    managerId: member.managerId ?? null,
    managerResolution: member.resolved.managerResolution,
    resolvedTimeZone: member.resolved.resolvedTimeZone,
    groupIds: member.groupIds,
    effectiveSettings: member.effective ?? null,
    flags: flagsOf(member),
  };
}

/** What an admin should look at: values Roster could not use, an ambiguous manager, a missing seat. */
export function flagsOf(member: TeamMemberRecord): string[] {
  return [
    ...member.resolved.issues.map((issue) => `${issue.field}: ${issue.reason}`),
    ...(member.resolved.managerResolution === 'ambiguous' ? ['manager: ambiguous'] : []),
    ...(member.effective?.seatShortage.length ? [`seatShortage: ${member.effective.seatShortage.join(', ')}`] : []),
  ];
}

const listQuery = z.object({
  manager: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
  assignment: z.string().optional(),
  seatShortage: z.enum(['true', 'false']).optional(),
  cursor: z.string().optional(),
  count: z.coerce.number().int().min(1).max(200).default(100),
});

/**
 * GET /team-members. `manager` reads the reports index; the other filters are applied to one
 * page of the company's members at a time, so a page may hold fewer than `count` matches — follow
 * `nextCursor` until it is absent.
 */
export async function listTeamMembersForAdmin(tenantId: string, query: Record<string, string | undefined>) {
  const filters = validateInput(listQuery, query);
  const page = filters.manager
    ? { items: await findDirectReports(tenantId, filters.manager), nextCursor: undefined }
    : await listTeamMembersByCursor(tenantId, filters.cursor, filters.count);
  const matches = page.items.filter(
    (member) =>
      !member.deletedAt &&
      (filters.active === undefined || String(member.active) === filters.active) &&
      (filters.assignment === undefined || member.effective?.assignmentId === filters.assignment) &&
      (filters.seatShortage === undefined || String(Boolean(member.effective?.seatShortage.length)) === filters.seatShortage),
  );
  return { teamMembers: matches.map(summary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

const settingsEdit = z.object({
  permissions: z.record(z.string(), z.string()).optional(),
  dataCapture: dataCaptureSchema.partial().optional(),
});
/** A hand-set field is validated exactly as the same attribute sent over SCIM. */
const userAttributes = userAttributeSchema.shape;
const rosterAttributes = userAttributes[ROSTER_USER_SCHEMA].unwrap().shape;
const profileEdit = z
  .object({
    title: userAttributes.title,
    phoneNumbers: userAttributes.phoneNumbers,
    timezone: userAttributes.timezone,
    primaryPhoneExtension: rosterAttributes.primaryPhoneExtension,
    managerEmail: rosterAttributes.managerEmail,
    managerFullName: rosterAttributes.managerFullName,
    country: rosterAttributes.country,
    stateOrProvince: rosterAttributes.stateOrProvince,
  } satisfies Record<OwnedField, z.ZodType>)
  .strict();
const memberEdit = z.object({
  profile: profileEdit.optional(),
  settings: settingsEdit.optional(),
});

/**
 * PATCH /team-members/{id}: profile fields by hand under the ownership rules (a provisioned field
 * cannot be edited; an empty one can be set once), settings under governance (refused while an
 * automatic assignment governs the member).
 */
export async function editTeamMember(principal: Principal, id: string, body: unknown) {
  const edit = validateInput(memberEdit, body);
  if (edit.profile && Object.keys(edit.profile).length) await editProfile(principal, id, edit.profile);
  if (edit.settings) await editSettings(principal.tenantId, await memberOrFail(principal.tenantId, id), edit.settings);
  return teamMemberView(principal.tenantId, id);
}

const dataCaptureEdit = z.object({ actingUserId: z.string().optional(), dataCapture: dataCaptureSchema.partial() });

/**
 * PUT /team-members/{id}/data-capture. A tech admin (no acting user) may edit any member not
 * governed automatically. A manager (actingUserId) may only when the company allows managers to,
 * they are the member's active direct manager, and the member holds a seat that unlocks data capture.
 */
export async function setDataCapture(tenantId: string, id: string, body: unknown) {
  const { actingUserId, dataCapture } = validateInput(dataCaptureEdit, body);
  const member = await memberOrFail(tenantId, id);
  if (actingUserId !== undefined) {
    const company = await getTenant(tenantId);
    if (!company?.managersCanToggleDataCapture) throw refused('Managers cannot change data capture in this company (managersCanToggleDataCapture is off).');
    if (member.managerId !== actingUserId) throw refused('Only the member\'s direct manager can change their data capture.');
    const manager = await getTeamMember(tenantId, actingUserId);
    if (!manager || !manager.active || manager.deletedAt) throw refused('The acting manager is not an active team member.');
    if (!member.effective?.capabilities.includes('dataCapture')) throw refused('The member holds no seat that unlocks data capture.');
  }
  await editSettings(tenantId, member, { dataCapture });
  return teamMemberView(tenantId, id);
}

/** GET /import-errors: rejected imports (newest first) and members flagged for the admin, one page at a time. */
export async function importErrors(tenantId: string, cursor: string | undefined) {
  const [rejections, page] = await Promise.all([listRejections(tenantId), listTeamMembersByCursor(tenantId, cursor, 200)]);
  const flagged = page.items.filter((member) => !member.deletedAt && flagsOf(member).length);
  return {
    rejectedImports: rejections.map(({ tenantId: _tenant, ...rejection }) => rejection),
    flaggedTeamMembers: flagged.map((member) => ({ id: member.id, userName: member.userName, flags: flagsOf(member) })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

async function editProfile(principal: Principal, id: string, values: Partial<Record<OwnedField, unknown>>) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const previous = await memberOrFail(principal.tenantId, id);
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
    const next: TeamMemberRecord = { ...previous, ...state, version: previous.version + 1, updatedAt: new Date().toISOString(), updatedBy: 'admin' };
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

async function editSettings(tenantId: string, member: TeamMemberRecord, edit: z.infer<typeof settingsEdit>): Promise<EffectiveSettings> {
  const current = member.effective;
  if (!current) throw new RosterError(409, 'The member\'s settings are still being computed; retry in a moment.', { code: 'not_ready' });
  if (current.updateMode === 'automatic') {
    throw refused('These settings are governed automatically by an assignment (update mode "automatic"): change them in Okta groups or in the assignment.');
  }
  const config = await loadCompanyConfig(tenantId);
  const grant = {
    seatTypeIds: current.grantedSeatTypeIds,
    permissions: edit.permissions ?? current.permissions,
    dataCapture: { ...current.dataCapture, ...edit.dataCapture },
  };
  checkGrant(config, grant);
  return writeEditedSettings(member, { assignmentId: current.assignmentId, updateMode: current.updateMode, grant }, config);
}

async function memberOrFail(tenantId: string, id: string): Promise<TeamMemberRecord> {
  const member = await getTeamMember(tenantId, id);
  if (!member || member.deletedAt) throw notFound(`Team member ${id} not found.`);
  return member;
}

function refused(message: string): RosterError {
  return new RosterError(403, message, { code: 'not_allowed' });
}
