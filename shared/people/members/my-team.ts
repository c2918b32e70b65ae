import { notFound, RosterError } from '../../errors.js';
import type { CaptureKind } from '../../mail/manager-digest.js';
import { loadCompanyConfig, type CompanyConfig, type DataCaptureSettings } from '../../store/company-config.js';
import { listDirectReportsPage } from '../../store/direct-reports.js';
import { getTeamMember, type TeamMemberRecord } from '../../store/team-members.js';
import { getTenant, type TenantRecord } from '../../store/tenants.js';
import { assignmentName } from '../company/assignment-name.js';
import { NO_DATA_CAPTURE } from '../company/settings-model.js';
import { capturedKinds, personName } from '../notifications/new-report.js';
import { workEmail } from '../notifications/notification-eligibility.js';
import { managerDataCaptureControl, type DataCaptureControl } from './data-capture-control.js';
import { setDataCapture } from './team-member-admin.js';

/** One direct report as "My team" shows it. */
export interface TeamReport {
  id: string;
  name: string;
  title?: string;
  email?: string;
  seats: string[];
  dataCaptureActive: boolean;
  /** What is recorded while data capture is active. */
  recording: CaptureKind[];
  assignmentName: string;
  control: DataCaptureControl;
}

export const TEAM_PAGE_SIZE = 25;

/**
 * A manager's active direct reports, one page at a time (the reports index, never the whole
 * company), each with their seat, data capture and whether this manager may switch it.
 */
export async function myTeam(tenantId: string, managerId: string, cursor?: string): Promise<{ reports: TeamReport[]; nextCursor?: string }> {
  const [company, manager, config, page] = await Promise.all([
    requireCompany(tenantId),
    getTeamMember(tenantId, managerId),
    loadCompanyConfig(tenantId),
    listDirectReportsPage(tenantId, managerId, cursor, TEAM_PAGE_SIZE),
  ]);
  if (!manager) return { reports: [] };
  const reports = page.items
    .filter((member) => member.active && !member.deletedAt)
    .map((member) => teamReport(company, manager, member, config));
  return { reports, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * A manager turns a report's data capture on (the governing assignment's channels, or every channel
 * the company does not forbid when the assignment records none) or off — through the same operation
 * and rule as the admin API's manager path, which records who changed what, from what to what.
 */
export async function setReportDataCapture(tenantId: string, managerId: string, memberId: string, on: boolean): Promise<TeamReport> {
  const [company, member, config] = await Promise.all([requireCompany(tenantId), getTeamMember(tenantId, memberId), loadCompanyConfig(tenantId)]);
  // Someone else's report is not shown as existing at all.
  if (!member || member.deletedAt || member.managerId !== managerId) throw notFound('This person is not in your team.');
  const current = member.effective?.dataCapture ?? NO_DATA_CAPTURE;
  const dataCapture = on ? switchedOn(current, grantedCapture(member, config, company)) : switchedOff(current);
  await setDataCapture(tenantId, memberId, { actingUserId: managerId, dataCapture });
  const [manager, updated] = await Promise.all([getTeamMember(tenantId, managerId), getTeamMember(tenantId, memberId)]);
  return teamReport(company, manager!, updated!, config);
}

function teamReport(company: TenantRecord, manager: TeamMemberRecord, member: TeamMemberRecord, config: CompanyConfig): TeamReport {
  const title = (member.attributes.title as string | undefined)?.trim();
  const email = workEmail(member);
  const name = assignmentName(member, config);
  const seatNames = new Map(config.seatTypes.map((seat) => [seat.id, seat.name]));
  return {
    id: member.id,
    name: personName(member),
    ...(title ? { title } : {}),
    ...(email ? { email } : {}),
    seats: (member.effective?.seatTypeIds ?? []).map((seatId) => seatNames.get(seatId) ?? seatId),
    dataCaptureActive: Boolean(member.effective?.dataCaptureActive),
    recording: capturedKinds(member),
    assignmentName: name,
    control: managerDataCaptureControl({ company, manager, member, assignmentName: name }),
  };
}

function grantedCapture(member: TeamMemberRecord, config: CompanyConfig, company: TenantRecord): DataCaptureSettings | undefined {
  const id = member.effective?.assignmentId;
  return config.assignments.find((assignment) => assignment.id === id)?.dataCapture ?? company.defaultAssignment?.dataCapture;
}

const records = (capture: DataCaptureSettings) =>
  capture.webConferences === 'record' || capture.calendarMeetings || capture.telephonyCalls || capture.emails || capture.mobileCalls;

function switchedOn(current: DataCaptureSettings, granted: DataCaptureSettings | undefined): DataCaptureSettings {
  if (granted && records(granted)) return { ...granted, ...(current.webConferences === 'neverRecord' ? { webConferences: 'neverRecord' } : {}) };
  return {
    webConferences: current.webConferences === 'neverRecord' ? 'neverRecord' : 'record',
    calendarMeetings: true,
    telephonyCalls: true,
    emails: true,
    mobileCalls: true,
  };
}

function switchedOff(current: DataCaptureSettings): DataCaptureSettings {
  return {
    webConferences: current.webConferences === 'neverRecord' ? 'neverRecord' : 'doNotRecord',
    calendarMeetings: false,
    telephonyCalls: false,
    emails: false,
    mobileCalls: false,
  };
}

async function requireCompany(tenantId: string): Promise<TenantRecord> {
  const company = await getTenant(tenantId);
  if (!company) throw new RosterError(403, 'This company no longer exists.');
  return company;
}
