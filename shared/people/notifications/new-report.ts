import type { CaptureKind, NewReport } from '../../mail/manager-digest.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import { workEmail } from './notification-eligibility.js';

type Name = { givenName?: string; familyName?: string; formatted?: string };

/** How a member is named to people: display name, else given and family name, else userName. */
export function personName(member: TeamMemberRecord): string {
  const { displayName, name } = member.attributes as { displayName?: string; name?: Name };
  const full = [name?.givenName, name?.familyName].filter(Boolean).join(' ');
  return displayName?.trim() || name?.formatted?.trim() || full || member.userName;
}

/** How an email greets a person: their given name, else their name. */
export function greetingName(member: TeamMemberRecord): string {
  const { name } = member.attributes as { name?: Name };
  return name?.givenName?.trim() || personName(member);
}

/** What a manager is told about a new report: who, title, email and the data capture they have. */
export function newReportOf(member: TeamMemberRecord): NewReport {
  const title = (member.attributes.title as string | undefined)?.trim();
  const email = workEmail(member);
  return {
    name: personName(member),
    ...(title ? { title } : {}),
    ...(email ? { email } : {}),
    dataCapture: capturedKinds(member),
  };
}

export function capturedKinds(member: TeamMemberRecord): CaptureKind[] {
  const effective = member.effective;
  if (!effective?.dataCaptureActive) return [];
  const capture = effective.dataCapture;
  const kinds: Array<[CaptureKind, boolean]> = [
    ['webConferences', capture.webConferences === 'record'],
    ['calendarMeetings', capture.calendarMeetings],
    ['telephonyCalls', capture.telephonyCalls],
    ['emails', capture.emails],
    ['mobileCalls', capture.mobileCalls],
  ];
  return kinds.filter(([, on]) => on).map(([kind]) => kind);
}
